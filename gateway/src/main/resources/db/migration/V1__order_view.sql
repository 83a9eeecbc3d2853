-- The order-status read model: one row per order, folded from the saga's events, and the
-- events themselves as the order's timeline.
CREATE TABLE order_view (
    order_id       uuid          PRIMARY KEY,
    customer_id    text,
    status         text          NOT NULL,
    failure_reason text,
    total          numeric(12,2),
    items          jsonb         NOT NULL DEFAULT '[]',
    -- Increases with every visible change: the id of the stream's events.
    version        bigint        NOT NULL,
    updated_at     timestamptz   NOT NULL
);

CREATE TABLE order_timeline (
    order_id    uuid        NOT NULL,
    event_id    uuid        NOT NULL,
    type        text        NOT NULL,
    service     text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (order_id, event_id)
);
