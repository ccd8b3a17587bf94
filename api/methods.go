package api

// Stub so package api compiles; the owner of the method table replaces it.
func (s *Server) methods() []method {
	return []method{
		{name: "GetAPI", since: "1.0", scope: scopeAll, call: typed(s.getAPI)},
	}
}
