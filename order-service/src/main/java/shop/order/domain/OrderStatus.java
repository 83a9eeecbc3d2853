package shop.order.domain;

/** Where an order's saga stands. The steps in between belong to the other services. */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    CANCELLED;

    /** A final order has its outcome: later events of the saga change nothing. */
    public boolean isFinal() {
        return this != PENDING;
    }
}
