package shop.shipping.domain;

/** Why a shipment did not go out: the shop's own refusal, or the order's cancellation. */
public enum FailureReason {
    /** The shop does not ship to the order's country. */
    SHIPPING_UNAVAILABLE,
    /** The customer cancelled the order. */
    CUSTOMER_CANCELLED,
    /** The order's saga ran past its deadline. */
    TIMED_OUT
}
