package api

import "github.com/go-chi/chi/v5"

// Stub so package api compiles; the owner of the control surface replaces it.
func (s *Server) controlRoutes(r chi.Router) {}
