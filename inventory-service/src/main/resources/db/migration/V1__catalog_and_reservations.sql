-- The catalog and its stock. Units are either available to order or held by a reservation;
-- neither count may ever go negative, whatever the code does. Skus sort byte by byte (COLLATE "C"),
-- the same on every server, and the primary key serves the catalog's pages in that order.
CREATE TABLE product (
    sku        text COLLATE "C" PRIMARY KEY CHECK (sku ~ '^[A-Za-z0-9._-]{1,64}$'),
    name       text          NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    price      numeric(12,2) NOT NULL CHECK (price > 0),
    available  integer       NOT NULL CHECK (available >= 0),
    reserved   integer       NOT NULL CHECK (reserved >= 0),
    created_at timestamptz   NOT NULL DEFAULT now(),
    updated_at timestamptz   NOT NULL DEFAULT now()
);

-- One row per order inventory has seen, whatever the outcome, so that a repeated or late
-- event for the order is recognised and ignored.
CREATE TABLE reservation (
    order_id       uuid          PRIMARY KEY,
    customer_id    text          NOT NULL,
    status         text          NOT NULL CHECK (status IN ('RESERVED', 'REJECTED', 'RELEASED', 'SOLD')),
    failure_reason text,
    detail         text,
    total          numeric(12,2),
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    CHECK ((status = 'REJECTED') = (total IS NULL))
);

-- The order's lines, one per sku (duplicates merged). A rejected order's lines keep no price.
CREATE TABLE reservation_line (
    order_id   uuid          NOT NULL REFERENCES reservation (order_id),
    sku        text          NOT NULL,
    quantity   bigint        NOT NULL CHECK (quantity > 0),
    unit_price numeric(12,2),
    PRIMARY KEY (order_id, sku)
);
