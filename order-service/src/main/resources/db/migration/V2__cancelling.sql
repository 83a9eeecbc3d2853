-- A cancellation (the customer's, or the saga's deadline) moves a pending order to CANCELLING
-- with its cause, until the release that ends the unwinding cancels it.
ALTER TABLE orders
    DROP CONSTRAINT orders_status_check,
    DROP CONSTRAINT orders_check,
    ADD CONSTRAINT orders_status_check CHECK (status IN ('PENDING', 'CANCELLING', 'CONFIRMED', 'CANCELLED')),
    ADD CONSTRAINT orders_failure_reason_check
        CHECK ((status IN ('CANCELLING', 'CANCELLED')) = (failure_reason IS NOT NULL));
