package shop.shipping.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import shop.shipping.domain.ShipmentEvent.ShipmentCancelled;
import shop.shipping.domain.ShipmentEvent.ShipmentFailed;
import shop.shipping.domain.ShipmentEvent.ShipmentScheduled;

/**
 * The shipment of one paid order. It is decided once, when the payment completes: scheduled if
 * the shop ships to the order's country, failed otherwise. A cancellation takes a scheduled
 * shipment off the schedule; one that comes before the payment leaves a tombstone. Every outcome
 * is kept, so that a repeated or late payment event for the order finds the decision and changes
 * nothing.
 *
 * @param country where it goes; {@code null} only for a tombstone, which never heard
 * @param trackingNumber set when scheduled (and kept when then cancelled), {@code null} when failed
 * @param failureReason set when failed or cancelled, {@code null} when scheduled
 */
public record Shipment(
        UUID orderId, ShipmentStatus status, CountryCode country, String trackingNumber, FailureReason failureReason) {

    public Shipment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        boolean consistent = switch (status) {
            case SCHEDULED -> country != null && trackingNumber != null && failureReason == null;
            case FAILED -> country != null && trackingNumber == null && failureReason != null;
            case CANCELLED -> failureReason != null && (trackingNumber == null || country != null);
        };
        if (!consistent) {
            throw new IllegalArgumentException("a scheduled shipment has a country and a tracking number and no"
                    + " failure reason; a failed one a country and a reason only; a cancelled one a reason");
        }
    }

    /**
     * An order without a shipment was paid for and is to be shipped to {@code destination}:
     * scheduled if it is a country shipped to, failed otherwise.
     */
    public static Transition.Changed arrange(UUID orderId, CountryCode destination, ShippingCountries countries) {
        if (countries.shipsTo(destination)) {
            String trackingNumber = trackingNumberFor(orderId);
            return new Transition.Changed(
                    new Shipment(orderId, ShipmentStatus.SCHEDULED, destination, trackingNumber, null),
                    List.of(new ShipmentScheduled(orderId, trackingNumber, destination)));
        }
        FailureReason reason = FailureReason.SHIPPING_UNAVAILABLE;
        return new Transition.Changed(
                new Shipment(orderId, ShipmentStatus.FAILED, destination, null, reason),
                List.of(new ShipmentFailed(orderId, reason, destination)));
    }

    /**
     * The order was paid for again: its shipment was decided already, so the payment event is a
     * repeat or late, and nothing changes (not even for another destination).
     */
    public Transition paymentCompleted(CountryCode destination) {
        return new Transition.Ignored(this, "the shipment is already " + status);
    }

    /**
     * The order is being cancelled, for {@code reason}: a scheduled shipment comes off the
     * schedule. Whatever the state, shipping answers, so that the cancellation goes on to payment.
     */
    public Transition.Changed cancel(String customerId, FailureReason reason) {
        Objects.requireNonNull(reason, "reason");
        if (status == ShipmentStatus.SCHEDULED) {
            return new Transition.Changed(
                    new Shipment(orderId, ShipmentStatus.CANCELLED, country, trackingNumber, reason),
                    List.of(new ShipmentCancelled(orderId, customerId, reason, trackingNumber)));
        }
        return new Transition.Changed(this, List.of(new ShipmentCancelled(orderId, customerId, reason, null)));
    }

    /** The order is being cancelled before it was paid for: the tombstone makes a later payment ship nothing. */
    public static Transition.Changed cancelBeforeArranging(UUID orderId, String customerId, FailureReason reason) {
        Objects.requireNonNull(reason, "reason");
        return new Transition.Changed(
                new Shipment(orderId, ShipmentStatus.CANCELLED, null, null, reason),
                List.of(new ShipmentCancelled(orderId, customerId, reason, null)));
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
