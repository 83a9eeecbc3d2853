package shop.inventory.messaging;

import java.util.Objects;
import java.util.UUID;

/**
 * The fields inventory reads of PaymentCancelled v1: the order is being cancelled and payment
 * has taken nothing for it; {@code failureReason} is the cancellation's cause.
 */
record PaymentCancelled(UUID orderId, String customerId, String failureReason) {

    PaymentCancelled {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(failureReason, "failureReason");
    }
}
