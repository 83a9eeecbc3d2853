package shop.order.domain;

/** Why an order is cancelled before its saga has an outcome of its own. */
public enum CancellationReason {
    /** The customer asked. */
    CUSTOMER_CANCELLED,
    /** The saga did not end within its deadline. */
    TIMED_OUT
}
