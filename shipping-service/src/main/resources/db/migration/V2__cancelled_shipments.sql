-- A cancellation takes a scheduled shipment off the schedule (it keeps its tracking number), or,
-- before the payment, leaves a tombstone without a country, so that a late payment ships nothing.
ALTER TABLE shipment
    DROP CONSTRAINT shipment_status_check,
    DROP CONSTRAINT shipment_outcome,
    ALTER COLUMN country DROP NOT NULL,
    ADD CONSTRAINT shipment_status_check CHECK (status IN ('SCHEDULED', 'FAILED', 'CANCELLED')),
    ADD CONSTRAINT shipment_outcome CHECK (
        (status = 'SCHEDULED' AND country IS NOT NULL AND tracking_number IS NOT NULL AND failure_reason IS NULL)
        OR (status = 'FAILED' AND country IS NOT NULL AND tracking_number IS NULL AND failure_reason IS NOT NULL)
        OR (status = 'CANCELLED' AND failure_reason IS NOT NULL AND (tracking_number IS NULL OR country IS NOT NULL)));
