CREATE TABLE ledger_entry (
    event_id uuid    PRIMARY KEY,
    order_id uuid    NOT NULL,
    amount   integer NOT NULL,
    -- The order entries were written in, for tests of the order of one order's events.
    position bigint  GENERATED ALWAYS AS IDENTITY
);
