package shop.payment.messaging;

import java.util.Objects;
import java.util.UUID;

/** The fields of shipping's ShipmentCancelled (v1) that payment reads: the order is being cancelled. */
record ShipmentCancelled(UUID orderId, String customerId, String failureReason) {

    ShipmentCancelled {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(failureReason, "failureReason");
    }
}
