package shop.shipping.web;

import java.util.UUID;
import shop.shipping.domain.Shipment;

/**
 * {@code trackingNumber} is null for a failed shipment, {@code failureReason} for a scheduled one,
 * {@code country} for a cancellation that came before the payment.
 */
record ShipmentResponse(UUID orderId, String status, String country, String trackingNumber, String failureReason) {

    static ShipmentResponse of(Shipment shipment) {
        return new ShipmentResponse(
                shipment.orderId(),
                shipment.status().name(),
                shipment.country() == null ? null : shipment.country().value(),
                shipment.trackingNumber(),
                shipment.failureReason() == null
                        ? null
                        : shipment.failureReason().name());
    }
}
