package alikms

import "context"

// Keys returns the first limit keys in creation order (metadata only: a
// Key holds no material), and how many there are; what the clock made due
// (deletions, rotations) is applied first, as before any action.
func (s *Service) Keys(ctx context.Context, limit int) ([]Key, int, error) {
	if err := s.settle(ctx, false); err != nil {
		return nil, 0, err
	}
	return s.cfg.Store.AlikmsListKeys(ctx, 0, limit)
}
