package api

import (
	"context"

	"github.com/element-emulator/element-emulator/admins"
	"github.com/element-emulator/element-emulator/cluster"
)

// Cluster admins and the login session (docs/admins.md).

// aerr gives a cluster-admin error its Element name (cluster.AdminError).
func aerr(err error) error { return cluster.AdminError(err) }

type addClusterAdminParams struct {
	Username   string         `param:"username,required"`
	Password   string         `param:"password,required"`
	Access     []string       `param:"access,required"`
	AcceptEula bool           `param:"acceptEula,required"`
	Attributes map[string]any `param:"attributes"`
}

func (s *Server) addClusterAdmin(ctx context.Context, p addClusterAdminParams) (map[string]int64, error) {
	id, err := s.deps.Admins.Add(ctx, admins.Spec{Username: p.Username, Password: p.Password, Access: p.Access,
		Attributes: p.Attributes, AcceptEula: p.AcceptEula})
	if err != nil {
		return nil, aerr(err)
	}
	return map[string]int64{"clusterAdminID": id}, nil
}

type clusterAdminWire struct {
	Access         []string       `json:"access"`
	Attributes     map[string]any `json:"attributes"`
	AuthMethod     string         `json:"authMethod"`
	ClusterAdminID int64          `json:"clusterAdminID"`
	Username       string         `json:"username"`
}

type listClusterAdminsParams struct {
	ShowHidden *bool `param:"showHidden"`
}

func (s *Server) listClusterAdmins(ctx context.Context, _ listClusterAdminsParams) (map[string][]clusterAdminWire, error) {
	as, err := s.deps.Admins.List(ctx)
	if err != nil {
		return nil, aerr(err)
	}
	out := make([]clusterAdminWire, 0, len(as))
	for _, a := range as {
		out = append(out, clusterAdminWire{Access: a.Access, Attributes: a.Attributes, AuthMethod: "Cluster",
			ClusterAdminID: a.ID, Username: a.Username})
	}
	return map[string][]clusterAdminWire{"clusterAdmins": out}, nil
}

type modifyClusterAdminParams struct {
	ClusterAdminID int64          `param:"clusterAdminID,required"`
	Password       *string        `param:"password"`
	Access         []string       `param:"access"`
	Attributes     map[string]any `param:"attributes"`
}

func (s *Server) modifyClusterAdmin(ctx context.Context, p modifyClusterAdminParams) (empty, error) {
	return empty{}, aerr(s.deps.Admins.Modify(ctx, p.ClusterAdminID, admins.Change{Password: p.Password, Access: p.Access,
		Attributes: p.Attributes}))
}

type clusterAdminIDParams struct {
	ClusterAdminID int64 `param:"clusterAdminID,required"`
}

func (s *Server) removeClusterAdmin(ctx context.Context, p clusterAdminIDParams) (empty, error) {
	return empty{}, aerr(s.deps.Admins.Remove(ctx, p.ClusterAdminID))
}

func (s *Server) getLoginSessionInfo(ctx context.Context, _ noParams) (map[string]map[string]string, error) {
	t, err := s.deps.Admins.LoginTimeout(ctx)
	if err != nil {
		return nil, aerr(err)
	}
	return map[string]map[string]string{"loginSessionInfo": {"timeout": admins.FormatTimeout(t)}}, nil
}

type setLoginSessionInfoParams struct {
	Timeout string `param:"timeout,required"`
}

func (s *Server) setLoginSessionInfo(ctx context.Context, p setLoginSessionInfoParams) (empty, error) {
	return empty{}, aerr(s.deps.Admins.SetLoginTimeout(ctx, p.Timeout))
}
