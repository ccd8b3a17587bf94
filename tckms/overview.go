package tckms

import "context"

// KeySummary is what the dashboard shows of a key: never its material or
// fingerprint.
type KeySummary struct {
	ID, Alias    string
	State        State
	Origin       Origin
	CreateTime   int64 // unix s, emulator clock
	DeletionDate int64 // PendingDelete only
	ValidTo      int64 // EXTERNAL material's expiry, 0 when none
}

// Keys returns the first limit keys in creation order, and how many there
// are; what is due (deletions, expiries) is settled first, as for any
// request.
func (s *Service) Keys(ctx context.Context, limit int) ([]KeySummary, int, error) {
	var out []KeySummary
	var total int
	err := s.update(ctx, func(tx Tx, now int64) error {
		ids, n, err := tx.KeyIDs(ctx, 0, limit)
		if err != nil {
			return err
		}
		total = n
		for _, id := range ids {
			k, err := tx.Key(ctx, id)
			if err != nil {
				return err
			}
			out = append(out, KeySummary{ID: k.ID, Alias: k.Alias, State: k.State, Origin: k.Origin,
				CreateTime: k.CreateTime, DeletionDate: k.DeletionDate, ValidTo: k.ValidTo})
		}
		return nil
	})
	return out, total, err
}
