package volumes

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// MaxPopulate bounds Populate's volumes per call.
const MaxPopulate = 100000

// Populate gives a fresh cluster a lab's worth of data in one transaction:
// an account named username (made when missing) owning n active volumes
// "<username>-<i>" of size bytes with the default QoS, made by the same
// rules as CreateVolume (IDs, IQNs, device IDs, capacity). It is the lab's
// --volumes (docs/labs.md), not an Element method.
func (s *Service) Populate(ctx context.Context, username string, n int, size int64) error {
	if err := checkName("username", username); err != nil {
		return err
	}
	if n < 0 || n > MaxPopulate {
		return invalid("volumes", "must be from 0 to %d", MaxPopulate)
	}
	if err := checkSize("totalSize", size); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	acct, err := s.accountID(ctx, username)
	if err != nil {
		return err
	}
	def, err := s.DefaultQoS(ctx)
	if err != nil {
		return err
	}
	base, err := s.capacity(ctx)
	if err != nil {
		return err
	}
	uid, err := s.uniqueID(ctx)
	if err != nil {
		return err
	}
	size = RoundSize(size)
	return s.update(ctx, func(tx Tx, now time.Time) error {
		used, limit, err := provisioned(ctx, tx, base)
		if err != nil {
			return err
		}
		if used+int64(n)*size > limit {
			return newErr(KindNotEnoughSpace, "Not enough space: %d volumes of %d bytes do not fit in %d of %d provisionable bytes.",
				n, size, limit-used, limit)
		}
		for i := 1; i <= n; i++ {
			v := Volume{Name: fmt.Sprintf("%s-%d", username, i), AccountID: acct, Status: Active, Access: ReadWrite,
				Enable512e: true, TotalSize: size, QoS: def, Attributes: Attributes{}}
			if err := s.insertVolume(ctx, tx, &v, uid, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// accountID returns the ID of the account username, adding it when missing.
func (s *Service) accountID(ctx context.Context, username string) (int64, error) {
	var id int64
	err := s.view(ctx, func(tx Tx, _ time.Time) error {
		a, err := tx.AccountByName(ctx, username)
		id = a.ID
		return err
	})
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, ErrNotFound) {
		return 0, err
	}
	a, err := s.AddAccount(ctx, AccountSpec{Username: username})
	return a.ID, err
}
