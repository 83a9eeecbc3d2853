package shop.shipping.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.shipping.domain.ShipmentEvent.ShipmentCancelled;
import shop.shipping.domain.ShipmentEvent.ShipmentFailed;
import shop.shipping.domain.ShipmentEvent.ShipmentScheduled;

class ShipmentTests {

    static final UUID ORDER = UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f");
    static final CountryCode GB = CountryCode.of("GB");
    static final CountryCode AQ = CountryCode.of("AQ");
    static final ShippingCountries SHIPPING_TO_GB_AND_FR = ShippingCountries.of(List.of("GB", "FR"));

    @Test
    void aPaidOrderToACountryShippedToIsScheduledWithATrackingNumber() {
        // given no shipment for the order
        // when its payment completes with an address in GB
        Transition.Changed arranged = Shipment.arrange(ORDER, GB, SHIPPING_TO_GB_AND_FR);
        // then
        String trackingNumber = "TRK-3F1C2A9E8A4B4C1E9D2F6B7A8C9D0E1F";
        assertThat(arranged.shipment())
                .isEqualTo(new Shipment(ORDER, ShipmentStatus.SCHEDULED, GB, trackingNumber, null));
        assertThat(arranged.events()).containsExactly(new ShipmentScheduled(ORDER, trackingNumber, GB));
    }

    @Test
    void aPaidOrderToACountryNotShippedToFailsAsShippingUnavailable() {
        Transition.Changed arranged = Shipment.arrange(ORDER, AQ, SHIPPING_TO_GB_AND_FR);

        assertThat(arranged.shipment())
                .isEqualTo(new Shipment(ORDER, ShipmentStatus.FAILED, AQ, null, FailureReason.SHIPPING_UNAVAILABLE));
        assertThat(arranged.events())
                .containsExactly(new ShipmentFailed(ORDER, FailureReason.SHIPPING_UNAVAILABLE, AQ));
    }

    @Test
    void aRepeatedPaymentOfAScheduledOrderChangesNothing() {
        Shipment scheduled = Shipment.arrange(ORDER, GB, SHIPPING_TO_GB_AND_FR).shipment();

        assertThat(scheduled.paymentCompleted(GB)).isInstanceOf(Transition.Ignored.class);
    }

    @Test
    void aLatePaymentEventWithAnotherAddressDoesNotReviseAFailedShipment() {
        Shipment failed = Shipment.arrange(ORDER, AQ, SHIPPING_TO_GB_AND_FR).shipment();

        assertThat(failed.paymentCompleted(GB)).isInstanceOf(Transition.Ignored.class);
    }

    @Test
    void aCancellationTakesAScheduledShipmentOffTheScheduleAndSaysWhichOne() {
        Shipment scheduled = Shipment.arrange(ORDER, GB, SHIPPING_TO_GB_AND_FR).shipment();

        var cancelled = scheduled.cancel("customer-ada", FailureReason.CUSTOMER_CANCELLED);

        assertThat(cancelled.shipment())
                .isEqualTo(new Shipment(
                        ORDER,
                        ShipmentStatus.CANCELLED,
                        GB,
                        scheduled.trackingNumber(),
                        FailureReason.CUSTOMER_CANCELLED));
        assertThat(cancelled.events())
                .containsExactly(new ShipmentCancelled(
                        ORDER, "customer-ada", FailureReason.CUSTOMER_CANCELLED, scheduled.trackingNumber()));
    }

    @Test
    void withNoShipmentToTakeOffACancellationStillAnswersAndChangesNothing() {
        Shipment failed = Shipment.arrange(ORDER, AQ, SHIPPING_TO_GB_AND_FR).shipment();
        Shipment cancelled = Shipment.arrange(ORDER, GB, SHIPPING_TO_GB_AND_FR)
                .shipment()
                .cancel("customer-ada", FailureReason.CUSTOMER_CANCELLED)
                .shipment();

        for (Shipment nothingToTakeOff : List.of(failed, cancelled)) {
            var answer = nothingToTakeOff.cancel("customer-ada", FailureReason.TIMED_OUT);

            assertThat(answer.shipment()).isEqualTo(nothingToTakeOff);
            assertThat(answer.events())
                    .containsExactly(new ShipmentCancelled(ORDER, "customer-ada", FailureReason.TIMED_OUT, null));
        }
    }

    @Test
    void aCancellationBeforeThePaymentLeavesATombstoneSoTheLatePaymentShipsNothing() {
        var tombstone = Shipment.cancelBeforeArranging(ORDER, "customer-ada", FailureReason.TIMED_OUT);

        assertThat(tombstone.shipment())
                .isEqualTo(new Shipment(ORDER, ShipmentStatus.CANCELLED, null, null, FailureReason.TIMED_OUT));
        assertThat(tombstone.events())
                .containsExactly(new ShipmentCancelled(ORDER, "customer-ada", FailureReason.TIMED_OUT, null));
        assertThat(tombstone.shipment().paymentCompleted(GB)).isInstanceOf(Transition.Ignored.class);
    }

    @Test
    void trackingNumbersOfOrdersDifferingOnlyInTheirLastDigitDiffer() {
        UUID other = UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1e");

        assertThat(Shipment.trackingNumberFor(other)).isNotEqualTo(Shipment.trackingNumberFor(ORDER));
    }

    @Test
    void aShipmentIsEitherScheduledWithATrackingNumberOrFailedWithAReason() {
        assertThatThrownBy(() -> new Shipment(ORDER, ShipmentStatus.SCHEDULED, GB, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Shipment(ORDER, ShipmentStatus.FAILED, GB, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new Shipment(ORDER, ShipmentStatus.FAILED, GB, "TRK-1", FailureReason.SHIPPING_UNAVAILABLE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
