package shop.shipping.domain;

public enum FailureReason {
    /** The shop does not ship to the order's country. */
    SHIPPING_UNAVAILABLE
}
