package api

import (
	"context"

	"github.com/element-emulator/element-emulator/asyncjobs"
	"github.com/element-emulator/element-emulator/cluster"
	"github.com/element-emulator/element-emulator/volumes"
)

// rekeyInfoWire is SearRekeyMasterKeyInfo.
type rekeyInfoWire struct {
	KeyToDecommission keyInfoWire `json:"keyToDecommission"`
	NewKey            keyInfoWire `json:"newKey"`
	Operation         string      `json:"operation"`
	State             string      `json:"state"`
}

type failureWire struct {
	Name    string `json:"name"`
	Message string `json:"message"`
}

type asyncResultWire struct {
	CreateTime     string       `json:"createTime"`
	LastUpdateTime string       `json:"lastUpdateTime"`
	Details        any          `json:"details,omitempty"`
	Result         any          `json:"result,omitempty"`
	Error          *failureWire `json:"error,omitempty"`
	ResultType     string       `json:"resultType"`
	Status         string       `json:"status"`
}

// payload is the job's details (running) or result (complete).
func payload(r cluster.AsyncResult) any {
	if r.Rekey != nil {
		return rekeyInfoWire{KeyToDecommission: toKeyInfoWire(r.Rekey.KeyToDecommission, false),
			NewKey: toKeyInfoWire(r.Rekey.NewKey, false), Operation: r.Rekey.Operation, State: r.Rekey.State}
	}
	if r.Details == nil {
		return map[string]any{}
	}
	return r.Details
}

func toAsyncResultWire(r cluster.AsyncResult) asyncResultWire {
	j := r.Job
	w := asyncResultWire{CreateTime: fmtSeconds(j.Created), LastUpdateTime: fmtSeconds(j.Updated),
		ResultType: j.ResultType, Status: string(j.Status)}
	switch {
	case !j.Done():
		w.Details = payload(r)
	case j.Failure != nil:
		w.Error = &failureWire{Name: j.Failure.Name, Message: j.Failure.Message}
	case r.Rekey != nil, j.ResultType == volumes.ResultTypeClone, j.ResultType == cluster.ResultTypeAddNodes:
		w.Result = payload(r)
	default:
		w.Result = map[string]any{} // drive jobs: result {} (D25)
	}
	return w
}

type getAsyncResultParams struct {
	AsyncHandle int64 `param:"asyncHandle,required"`
	KeepResult  bool  `param:"keepResult"`
}

func (s *Server) getAsyncResult(ctx context.Context, p getAsyncResultParams) (asyncResultWire, error) {
	r, err := s.cluster.GetAsyncResult(ctx, asyncjobs.Handle(p.AsyncHandle), p.KeepResult)
	if err != nil {
		return asyncResultWire{}, err
	}
	return toAsyncResultWire(r), nil
}

type asyncHandleWire struct {
	AsyncResultID  int64  `json:"asyncResultID"`
	Completed      bool   `json:"completed"`
	CreateTime     string `json:"createTime"`
	Data           any    `json:"data"`
	LastUpdateTime string `json:"lastUpdateTime"`
	ResultType     string `json:"resultType"`
	Success        bool   `json:"success"`
}

type listAsyncResultsParams struct {
	AsyncResultTypes []string `param:"asyncResultTypes"`
}

func (s *Server) listAsyncResults(ctx context.Context, p listAsyncResultsParams) (map[string][]asyncHandleWire, error) {
	rs, err := s.cluster.ListAsyncResults(ctx, p.AsyncResultTypes)
	if err != nil {
		return nil, err
	}
	out := make([]asyncHandleWire, 0, len(rs))
	for _, r := range rs {
		j := r.Job
		w := asyncHandleWire{AsyncResultID: int64(j.Handle), Completed: j.Done(), CreateTime: fmtSeconds(j.Created),
			LastUpdateTime: fmtSeconds(j.Updated), ResultType: j.ResultType, Success: j.Succeeded()}
		if j.Failure != nil {
			w.Data = failureWire{Name: j.Failure.Name, Message: j.Failure.Message}
		} else {
			w.Data = payload(r)
		}
		out = append(out, w)
	}
	return map[string][]asyncHandleWire{"asyncHandles": out}, nil
}
