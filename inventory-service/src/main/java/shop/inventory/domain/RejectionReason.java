package shop.inventory.domain;

/** Why inventory refused an order. */
public enum RejectionReason {
    OUT_OF_STOCK,
    UNKNOWN_PRODUCT
}
