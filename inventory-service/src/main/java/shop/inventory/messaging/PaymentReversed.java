package shop.inventory.messaging;

import java.util.Objects;
import java.util.UUID;

/**
 * The fields inventory reads of PaymentDeclined v1 and PaymentRefunded v1: either way the order
 * will not be paid, and {@code failureReason} says what started the compensation.
 */
record PaymentReversed(UUID orderId, String failureReason) {

    PaymentReversed {
        Objects.requireNonNull(failureReason, "failureReason");
    }
}
