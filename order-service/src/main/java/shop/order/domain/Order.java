package shop.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import shop.order.domain.OrderEvent.OrderCancelled;
import shop.order.domain.OrderEvent.OrderConfirmed;
import shop.order.domain.OrderEvent.OrderPlaced;

/**
 * An order and the outcome of its saga. It starts the saga when placed (PENDING) and ends it on
 * the first outcome that arrives: a scheduled shipment confirms it, an inventory rejection or
 * release (the last step of every compensation) cancels it with the reason that started it.
 * Once final, it ignores whatever arrives later, so the first cause wins and a repeated event
 * changes nothing. A later command (such as a customer's cancellation) would be refused on a
 * final order the same way, through {@link OrderStatus#isFinal()}.
 */
public record Order(
        UUID id,
        String customerId,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        OrderStatus status,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        if ((status == OrderStatus.CANCELLED) != (failureReason != null)) {
            throw new IllegalArgumentException("a cancelled order, and only a cancelled one, has a failure reason");
        }
    }

    /** A customer placed an order: the saga starts. */
    public static Transition.Changed place(
            UUID id, String customerId, List<OrderLine> lines, ShippingAddress shippingAddress, Instant at) {
        var order = new Order(id, customerId, lines, shippingAddress, OrderStatus.PENDING, null, at, at);
        return new Transition.Changed(order, List.of(new OrderPlaced(id, customerId, order.lines(), shippingAddress)));
    }

    /** Inventory could not reserve every line: nothing was reserved, the order is cancelled. */
    public Transition noteInventoryRejected(String failureReason, Instant at) {
        return cancel(failureReason, at);
    }

    /** Inventory released the reservation at the end of a compensation: the order is cancelled. */
    public Transition noteInventoryReleased(String failureReason, Instant at) {
        return cancel(failureReason, at);
    }

    /** The shipment is scheduled, the last step of the happy path: the order is confirmed. */
    public Transition noteShipmentScheduled(Instant at) {
        if (status.isFinal()) {
            return new Transition.Ignored(this, "the order is already " + status);
        }
        return new Transition.Changed(
                moveTo(OrderStatus.CONFIRMED, null, at), List.of(new OrderConfirmed(id, customerId)));
    }

    private Transition cancel(String failureReason, Instant at) {
        Objects.requireNonNull(failureReason, "failureReason");
        if (status.isFinal()) {
            return new Transition.Ignored(this, "the order is already " + status);
        }
        return new Transition.Changed(
                moveTo(OrderStatus.CANCELLED, failureReason, at),
                List.of(new OrderCancelled(id, customerId, failureReason)));
    }

    private Order moveTo(OrderStatus next, String reason, Instant at) {
        return new Order(id, customerId, lines, shippingAddress, next, reason, createdAt, at);
    }
}
