package shop.shipping.domain;

import java.util.UUID;

/** What happened to an order's shipment. */
public sealed interface ShipmentEvent {

    UUID orderId();

    CountryCode country();

    record ShipmentScheduled(UUID orderId, String trackingNumber, CountryCode country) implements ShipmentEvent {}

    record ShipmentFailed(UUID orderId, FailureReason failureReason, CountryCode country) implements ShipmentEvent {}
}
