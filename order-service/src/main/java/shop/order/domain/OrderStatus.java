package shop.order.domain;

/** Where an order's saga stands. The steps in between belong to the other services. */
public enum OrderStatus {
    PENDING,
    /** A cancellation is unwinding what the saga has done so far; it ends {@code CANCELLED}. */
    CANCELLING,
    CONFIRMED,
    CANCELLED;

    /** A final order has its outcome: later events of the saga change nothing. */
    public boolean isFinal() {
        return this == CONFIRMED || this == CANCELLED;
    }
}
