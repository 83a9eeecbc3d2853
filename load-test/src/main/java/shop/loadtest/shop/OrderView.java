package shop.loadtest.shop;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The fields of {@code GET /api/orders/{id}} the checks read. */
public record OrderView(
        UUID orderId, String customerId, String status, String failureReason, BigDecimal total, List<Step> timeline) {

    public OrderView {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    public boolean isFinal() {
        return StatusEvent.isFinal(status);
    }

    /** One event of the order's saga, as its timeline lists it. */
    public record Step(String type, String service) {}
}
