-- An order keeps the whole saga's outcome: PENDING until the saga ends, then CONFIRMED or
-- CANCELLED (with the reason that started the compensation). Lines and address never change
-- after placement and are always read with the order, hence jsonb.
CREATE TABLE orders (
    order_id         uuid        PRIMARY KEY,
    customer_id      text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED')),
    failure_reason   text,
    items            jsonb       NOT NULL CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) > 0),
    shipping_address jsonb       NOT NULL CHECK (jsonb_typeof(shipping_address) = 'object'),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CHECK ((status = 'CANCELLED') = (failure_reason IS NOT NULL))
);

CREATE INDEX orders_customer_id ON orders (customer_id);

-- One row per (customer, Idempotency-Key): the first request's fingerprint and the order it
-- created. The key row is inserted first in the placing transaction, so a concurrent duplicate
-- waits on the primary key and then reads the winner's row. The order row is inserted later in
-- the same transaction, hence the deferred foreign key.
CREATE TABLE idempotency_keys (
    customer_id     text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    order_id        uuid        NOT NULL REFERENCES orders (order_id) DEFERRABLE INITIALLY DEFERRED,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (customer_id, idempotency_key)
);

-- The sweep deletes keys by age.
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
