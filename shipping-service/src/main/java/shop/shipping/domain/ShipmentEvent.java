package shop.shipping.domain;

import java.util.UUID;

/** What happened to an order's shipment. */
public sealed interface ShipmentEvent {

    UUID orderId();

    record ShipmentScheduled(UUID orderId, String trackingNumber, CountryCode country) implements ShipmentEvent {}

    record ShipmentFailed(UUID orderId, FailureReason failureReason, CountryCode country) implements ShipmentEvent {}

    /**
     * The order is being cancelled and no shipment of it will go out; {@code trackingNumber} is
     * the scheduled shipment this took off the schedule, {@code null} when there was none.
     * {@code customerId} travels on to payment, which needs it when it has not charged yet.
     */
    record ShipmentCancelled(UUID orderId, String customerId, FailureReason failureReason, String trackingNumber)
            implements ShipmentEvent {}
}
