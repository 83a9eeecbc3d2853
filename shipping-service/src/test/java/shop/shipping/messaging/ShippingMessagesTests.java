package shop.shipping.messaging;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.platform.testing.Contracts;
import shop.shipping.domain.CountryCode;
import shop.shipping.domain.FailureReason;
import shop.shipping.domain.ShipmentEvent;

/** The events this service publishes, against their examples in contracts/shipping.events. */
class ShippingMessagesTests {

    static final UUID ORDER = UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f");

    @Test
    void shipmentScheduledMatchesTheContract() {
        Contracts.assertProduces(
                "shipping.events",
                ShippingMessages.of(new ShipmentEvent.ShipmentScheduled(ORDER, "TRK-3F1C2A9E", CountryCode.of("GB"))));
    }

    @Test
    void shipmentFailedMatchesTheContract() {
        Contracts.assertProduces(
                "shipping.events",
                ShippingMessages.of(new ShipmentEvent.ShipmentFailed(
                        ORDER, FailureReason.SHIPPING_UNAVAILABLE, CountryCode.of("AQ"))));
    }

    @Test
    void shipmentCancelledMatchesTheContract() {
        Contracts.assertProduces(
                "shipping.events",
                ShippingMessages.of(new ShipmentEvent.ShipmentCancelled(
                        ORDER,
                        "customer-ada",
                        FailureReason.CUSTOMER_CANCELLED,
                        "TRK-3F1C2A9E8A4B4C1E9D2F6B7A8C9D0E1F")));
    }
}
