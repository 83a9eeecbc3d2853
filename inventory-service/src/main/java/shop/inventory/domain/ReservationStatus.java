package shop.inventory.domain;

/** Where an order's reservation stands; only {@code RESERVED} moves on. */
public enum ReservationStatus {
    /** The order's units are held for it. */
    RESERVED,
    /** The order could not be served; nothing was held. */
    REJECTED,
    /** The held units went back to stock (the order failed later on). */
    RELEASED,
    /** The held units left with the order. */
    SOLD,
    /** The order was cancelled before it arrived here: nothing is held, now or later. */
    CANCELLED
}
