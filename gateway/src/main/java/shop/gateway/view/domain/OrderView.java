package shop.gateway.view.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the gateway shows of one order, folded from the saga's events in any order: the status
 * only moves forward, the first failure reason is kept until OrderCancelled gives the one the
 * order was cancelled for (order-service decides it when two compensations meet, such as a
 * customer's cancellation and a declined payment), priced lines replace unpriced ones.
 */
public record OrderView(
        UUID orderId,
        String customerId,
        PublicStatus status,
        String failureReason,
        BigDecimal total,
        List<SagaEvent.Line> items,
        long version,
        Instant updatedAt) {

    /** An order the gateway saw accepted, before any of its events arrived. */
    public static OrderView accepted(UUID orderId, Instant at) {
        return new OrderView(orderId, null, PublicStatus.PENDING, null, null, List.of(), 1, at);
    }

    /** The view after {@code event}; the same view (same version) if the event shows nothing new. */
    public OrderView apply(SagaEvent event, Instant now) {
        String customer = customerId != null ? customerId : event.customerId();
        PublicStatus newStatus = status.atLeast(PublicStatus.reachedBy(event.type()));
        boolean decided = event.type().equals("OrderCancelled") && event.failureReason() != null;
        String reason = decided || failureReason == null ? event.failureReason() : failureReason;
        boolean priced = event.type().equals("InventoryReserved");
        BigDecimal newTotal = priced && event.total() != null ? event.total() : total;
        List<SagaEvent.Line> lines =
                priced || (items.isEmpty() && event.type().equals("OrderPlaced")) ? event.items() : items;
        if (newStatus == status
                && Objects.equals(customer, customerId)
                && Objects.equals(reason, failureReason)
                && Objects.equals(newTotal, total)
                && lines.equals(items)) {
            return this;
        }
        return new OrderView(orderId, customer, newStatus, reason, newTotal, lines, version + 1, now);
    }
}
