package shop.shipping.messaging;

import java.util.Objects;
import java.util.UUID;
import shop.shipping.domain.FailureReason;

/**
 * The fields of order's OrderCancellationRequested (v1) that shipping reads: the order is being
 * cancelled, for {@code failureReason}, which must be one the contract names.
 */
record OrderCancellationRequested(UUID orderId, String customerId, String failureReason) {

    OrderCancellationRequested {
        Objects.requireNonNull(customerId, "customerId");
        reason(failureReason);
    }

    FailureReason reason() {
        return reason(failureReason);
    }

    private static FailureReason reason(String failureReason) {
        if (!"CUSTOMER_CANCELLED".equals(failureReason) && !"TIMED_OUT".equals(failureReason)) {
            throw new IllegalArgumentException("not a cancellation's reason: " + failureReason);
        }
        return FailureReason.valueOf(failureReason);
    }
}
