-- Customer accounts and one payment per order. Money is exact (NUMERIC(12,2)) and a balance
-- never goes negative, whatever the code does.

CREATE TABLE account (
    customer_id text           PRIMARY KEY,
    name        text           NOT NULL,
    balance     numeric(12, 2) NOT NULL CHECK (balance >= 0),
    created_at  timestamptz    NOT NULL DEFAULT clock_timestamp(),
    updated_at  timestamptz    NOT NULL DEFAULT clock_timestamp()
);

-- No foreign key to account: a payment declined for an unknown customer is kept as well, so
-- that a repeated InventoryReserved for its order is recognised and ignored.
CREATE TABLE payments (
    order_id       uuid           PRIMARY KEY,
    customer_id    text           NOT NULL,
    amount         numeric(12, 2) NOT NULL CHECK (amount >= 0),
    status         text           NOT NULL CHECK (status IN ('COMPLETED', 'DECLINED', 'REFUNDED')),
    failure_reason text,
    created_at     timestamptz    NOT NULL DEFAULT clock_timestamp(),
    updated_at     timestamptz    NOT NULL DEFAULT clock_timestamp()
);
