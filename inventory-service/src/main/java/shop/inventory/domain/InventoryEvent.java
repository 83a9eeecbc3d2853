package shop.inventory.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What happened to an order's stock, for the rest of the saga to hear. */
public sealed interface InventoryEvent {

    UUID orderId();

    /** All lines are held for the order at these prices. */
    record Reserved(UUID orderId, String customerId, List<ReservationLine> lines, BigDecimal total)
            implements InventoryEvent {}

    /** Nothing is held: the order cannot be served. */
    record Rejected(UUID orderId, String customerId, RejectionReason reason, String detail) implements InventoryEvent {}

    /**
     * The order's units are available again, because of {@code failureReason}; an answer to a
     * cancellation says so too when nothing was held.
     */
    record Released(UUID orderId, String customerId, String failureReason) implements InventoryEvent {}
}
