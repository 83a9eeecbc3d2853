package shop.payment.domain;

/** Where an order's payment stands. Every status is final except COMPLETED, which a refund ends. */
public enum PaymentStatus {
    COMPLETED,
    DECLINED,
    REFUNDED,
    /** The order was cancelled before it was charged: it never will be (a tombstone). */
    CANCELLED
}
