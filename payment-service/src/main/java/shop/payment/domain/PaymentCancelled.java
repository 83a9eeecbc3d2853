package shop.payment.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The order is being cancelled and payment holds none of its money: nothing was charged, or it
 * was given back already; {@code failureReason} is the cancellation's cause.
 */
public record PaymentCancelled(UUID orderId, String customerId, String failureReason) implements PaymentEvent {

    /** Nothing of the order's money is held. */
    @Override
    public BigDecimal amount() {
        return Money.exact(BigDecimal.ZERO);
    }
}
