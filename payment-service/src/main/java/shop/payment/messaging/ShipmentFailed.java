package shop.payment.messaging;

import java.util.Objects;
import java.util.UUID;

/** The fields of shipping's ShipmentFailed (v1) that payment reads. */
record ShipmentFailed(UUID orderId, String failureReason) {

    ShipmentFailed {
        Objects.requireNonNull(failureReason, "failureReason");
    }
}
