-- One row per paid order: its shipment was scheduled (with a tracking number) or failed (with a
-- reason). Failed shipments are kept so that a repeated payment event finds the decision.
CREATE TABLE shipment (
    order_id        uuid        PRIMARY KEY,
    status          text        NOT NULL CHECK (status IN ('SCHEDULED', 'FAILED')),
    country         text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    tracking_number text        UNIQUE,
    failure_reason  text,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT shipment_outcome CHECK (
        (status = 'SCHEDULED' AND tracking_number IS NOT NULL AND failure_reason IS NULL)
        OR (status = 'FAILED' AND tracking_number IS NULL AND failure_reason IS NOT NULL))
);
