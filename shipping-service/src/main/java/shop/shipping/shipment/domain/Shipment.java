package shop.shipping.shipment.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import shop.shipping.shipment.domain.ShipmentEvent.ShipmentFailed;
import shop.shipping.shipment.domain.ShipmentEvent.ShipmentScheduled;

/**
 * The shipment of one paid order. It is decided once, when the payment completes: scheduled if
 * the shop ships to the order's country, failed otherwise. Both outcomes are kept, so that a
 * repeated or late payment event for the order finds the decision and changes nothing.
 *
 * @param trackingNumber set when scheduled, {@code null} when failed
 * @param failureReason set when failed, {@code null} when scheduled
 */
public record Shipment(
        UUID orderId, ShipmentStatus status, CountryCode country, String trackingNumber, FailureReason failureReason) {

    public Shipment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(country, "country");
        boolean consistent = status == ShipmentStatus.SCHEDULED
                ? trackingNumber != null && failureReason == null
                : trackingNumber == null && failureReason != null;
        if (!consistent) {
            throw new IllegalArgumentException(
                    "a scheduled shipment has a tracking number and no failure reason; a failed one the reverse");
        }
    }

    /** The new shipment and the event that announces it. */
    public record Arranged(Shipment shipment, ShipmentEvent event) {}

    /**
     * The order was paid for and is to be shipped to {@code destination}. Nothing happens if the
     * order's shipment was already decided: the payment event is a repeat.
     */
    public static Optional<Arranged> paymentCompleted(
            Optional<Shipment> existing, UUID orderId, CountryCode destination, ShippingCountries countries) {
        if (existing.isPresent()) {
            return Optional.empty();
        }
        if (countries.shipsTo(destination)) {
            String trackingNumber = trackingNumberFor(orderId);
            return Optional.of(new Arranged(
                    new Shipment(orderId, ShipmentStatus.SCHEDULED, destination, trackingNumber, null),
                    new ShipmentScheduled(orderId, trackingNumber, destination)));
        }
        FailureReason reason = FailureReason.SHIPPING_UNAVAILABLE;
        return Optional.of(new Arranged(
                new Shipment(orderId, ShipmentStatus.FAILED, destination, null, reason),
                new ShipmentFailed(orderId, reason, destination)));
    }

    /**
     * {@code TRK-} and the order id's 32 hex digits in upper case. An order has at most one
     * shipment and order ids are unique, so tracking numbers are unique without asking anyone; a
     * shortened id would not be (12 hex digits collide within millions of orders).
     */
    static String trackingNumberFor(UUID orderId) {
        return "TRK-" + orderId.toString().replace("-", "").toUpperCase(Locale.ROOT);
    }
}
