-- Each order's saga must end by its deadline; a pending order past it is cancelled as TIMED_OUT.
-- The deadline is data, so it survives restarts and any instance finds it.
ALTER TABLE orders ADD COLUMN deadline_at timestamptz;
UPDATE orders SET deadline_at = created_at + interval '30 seconds';
ALTER TABLE orders ALTER COLUMN deadline_at SET NOT NULL;
CREATE INDEX orders_pending_deadline ON orders (deadline_at) WHERE status IN ('PENDING', 'CANCELLING');
