package shop.gateway.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The view's own reading of any saga event: the few fields it shows, each present only on the
 * events that carry it (tolerant reader: everything else is ignored).
 */
public record SagaEvent(
        UUID eventId,
        String type,
        UUID orderId,
        Instant occurredAt,
        String customerId,
        String failureReason,
        BigDecimal total,
        List<Line> items) {

    public SagaEvent {
        if (eventId == null || type == null || orderId == null || occurredAt == null) {
            throw new IllegalArgumentException("eventId, type, orderId and occurredAt are required");
        }
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** An order line; the price is known once inventory has priced the order. */
    public record Line(String sku, int quantity, BigDecimal unitPrice) {}

    /** The service that published the event, named in the timeline. */
    public String service() {
        if (type.startsWith("Order")) {
            return "order-service";
        }
        if (type.startsWith("Inventory")) {
            return "inventory-service";
        }
        if (type.startsWith("Payment")) {
            return "payment-service";
        }
        return "shipping-service";
    }
}
