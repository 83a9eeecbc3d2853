-- A cancellation that arrives before the charge leaves a tombstone (CANCELLED, amount 0), kept
-- like every other outcome, so that the charge, arriving later, takes nothing.
ALTER TABLE payments
    DROP CONSTRAINT payments_status_check,
    ADD CONSTRAINT payments_status_check CHECK (status IN ('COMPLETED', 'DECLINED', 'REFUNDED', 'CANCELLED'));
