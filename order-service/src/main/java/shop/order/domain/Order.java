package shop.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import shop.order.domain.OrderEvent.OrderCancellationRequested;
import shop.order.domain.OrderEvent.OrderCancelled;
import shop.order.domain.OrderEvent.OrderConfirmed;
import shop.order.domain.OrderEvent.OrderPlaced;

/**
 * An order and the outcome of its saga, of which it is the one arbiter. It starts the saga when
 * placed (PENDING) and ends it on the first outcome that arrives: a scheduled shipment confirms
 * it, an inventory rejection or release (the last step of every compensation) cancels it with
 * the reason that started it. A cancellation (the customer's, or the saga's deadline) moves a
 * pending order to CANCELLING: from then on it is never confirmed, and the release that ends the
 * unwinding cancels it with the cancellation's cause. Once final, it ignores whatever arrives
 * later, so the first cause wins and a repeated event changes nothing.
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
        boolean cancelled = status == OrderStatus.CANCELLING || status == OrderStatus.CANCELLED;
        if (cancelled != (failureReason != null)) {
            throw new IllegalArgumentException(
                    "a cancelling or cancelled order, and only such an order, has a failure reason");
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

    /**
     * The shipment is scheduled, the last step of the happy path: the order is confirmed, unless
     * it is being cancelled, in which case shipping takes that shipment off again.
     */
    public Transition noteShipmentScheduled(Instant at) {
        if (status != OrderStatus.PENDING) {
            return new Transition.Ignored(this, "the order is already " + status);
        }
        return new Transition.Changed(
                moveTo(OrderStatus.CONFIRMED, null, at), List.of(new OrderConfirmed(id, customerId)));
    }

    /**
     * The customer ({@link CancellationReason#CUSTOMER_CANCELLED}) or the saga's deadline
     * ({@link CancellationReason#TIMED_OUT}) cancels a pending order: it starts unwinding. An
     * order cancelling or cancelled already keeps its first cause, and a confirmed one is not
     * cancelled: for both nothing changes, and the order's status tells the caller which.
     */
    public Transition requestCancellation(CancellationReason reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        if (status != OrderStatus.PENDING) {
            return new Transition.Ignored(this, "the order is already " + status);
        }
        return new Transition.Changed(
                moveTo(OrderStatus.CANCELLING, reason.name(), at),
                List.of(new OrderCancellationRequested(id, customerId, reason.name())));
    }

    /** Ends the saga cancelled; an order that was cancelling keeps the cause it was cancelled for. */
    private Transition cancel(String failureReason, Instant at) {
        Objects.requireNonNull(failureReason, "failureReason");
        if (status.isFinal()) {
            return new Transition.Ignored(this, "the order is already " + status);
        }
        String cause = status == OrderStatus.CANCELLING ? this.failureReason : failureReason;
        return new Transition.Changed(
                moveTo(OrderStatus.CANCELLED, cause, at), List.of(new OrderCancelled(id, customerId, cause)));
    }

    private Order moveTo(OrderStatus next, String reason, Instant at) {
        return new Order(id, customerId, lines, shippingAddress, next, reason, createdAt, at);
    }
}
