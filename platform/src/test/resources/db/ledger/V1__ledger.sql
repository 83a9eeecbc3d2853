CREATE TABLE ledger_entry (
    event_id uuid    PRIMARY KEY,
    order_id uuid    NOT NULL,
    amount   integer NOT NULL
);
