package shop.gateway.view.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The view's own reading of any saga event: the few fields it shows, each present only on the
 * events that carry it (tolerant reader: everything else is ignored), and the service that
 * published it, known from the exchange it came through ({@link #publishedBy}).
 */
public record SagaEvent(
        UUID eventId,
        String type,
        UUID orderId,
        Instant occurredAt,
        String customerId,
        String failureReason,
        BigDecimal total,
        List<Line> items,
        String service) {

    public SagaEvent {
        if (eventId == null || type == null || orderId == null || occurredAt == null) {
            throw new IllegalArgumentException("eventId, type, orderId and occurredAt are required");
        }
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** An order line; the price is known once inventory has priced the order. */
    public record Line(String sku, int quantity, BigDecimal unitPrice) {}

    /** The same event, from the service that published it (named in the timeline). */
    public SagaEvent publishedBy(String producer) {
        return new SagaEvent(eventId, type, orderId, occurredAt, customerId, failureReason, total, items, producer);
    }
}
