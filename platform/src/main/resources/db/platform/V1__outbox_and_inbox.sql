-- Messaging tables of the platform library, in their own schema and migration history so that
-- they never clash with a service's own migrations.

CREATE TABLE platform.outbox (
    id             bigserial   PRIMARY KEY,
    event_id       uuid        NOT NULL UNIQUE,
    exchange       text        NOT NULL,
    type           text        NOT NULL,
    schema_version integer     NOT NULL,
    order_id       uuid        NOT NULL,
    causation_id   uuid,
    traceparent    text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    body           text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- A row the broker refused or returned waits before its next try, without holding up the others.
    attempts       integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT '-infinity',
    sent_at        timestamptz
);

-- The relay reads only pending rows; the sweeper deletes sent rows by age.
CREATE INDEX outbox_pending ON platform.outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent_at ON platform.outbox (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE platform.inbox (
    consumer   text        NOT NULL,
    event_id   uuid        NOT NULL,
    handled_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_handled_at ON platform.inbox (handled_at);
