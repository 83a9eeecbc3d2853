package shop.loadtest.shop;

import java.math.BigDecimal;
import java.util.UUID;

/** The fields of {@code GET /api/orders/{id}} the checks read. */
public record OrderView(UUID orderId, String customerId, String status, String failureReason, BigDecimal total) {

    public boolean isFinal() {
        return StatusEvent.isFinal(status);
    }
}
