-- A cancellation that arrives before its order leaves a tombstone: status CANCELLED, no lines,
-- no total. It is kept like every other outcome, so that the order, arriving later, holds nothing.
ALTER TABLE reservation
    DROP CONSTRAINT reservation_status_check,
    DROP CONSTRAINT reservation_check,
    ADD CONSTRAINT reservation_status_check
        CHECK (status IN ('RESERVED', 'REJECTED', 'RELEASED', 'SOLD', 'CANCELLED')),
    ADD CONSTRAINT reservation_total_check
        CHECK ((status IN ('REJECTED', 'CANCELLED')) = (total IS NULL));

-- The reservations still held, for counting those held past the saga's deadline.
CREATE INDEX reservation_held ON reservation (created_at) WHERE status = 'RESERVED';
