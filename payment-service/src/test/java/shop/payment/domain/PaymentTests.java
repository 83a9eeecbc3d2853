package shop.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTests {

    static final UUID ORDER = UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f");
    static final String ADA = "customer-ada";

    @Test
    void aChargeIsPaidWhenTheBalanceCoversItToTheCent() {
        var paid = Payment.charge(ORDER, ADA, new BigDecimal("59.97"), Optional.of(new BigDecimal("59.97")));

        assertThat(paid.payment().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(paid.events()).containsExactly(new PaymentCompleted(ORDER, ADA, new BigDecimal("59.97")));
    }

    @Test
    void aChargeIsDeclinedWhenTheBalanceFallsShortOrThereIsNoAccount() {
        var fallingShort = Payment.charge(ORDER, ADA, new BigDecimal("59.97"), Optional.of(new BigDecimal("59.96")));
        var noAccount = Payment.charge(ORDER, ADA, new BigDecimal("59.97"), Optional.empty());

        assertThat(fallingShort.payment().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(fallingShort.events())
                .containsExactly(new PaymentDeclined(ORDER, ADA, new BigDecimal("59.97"), "PAYMENT_DECLINED"));
        assertThat(noAccount.payment().status()).isEqualTo(PaymentStatus.DECLINED);
    }

    @Test
    void aChargedOrderIsCompletedAndAnnouncedWithItsAmount() {
        var charged = Payment.charged(ORDER, ADA, new BigDecimal("59.97"));

        assertThat(charged.payment())
                .isEqualTo(new Payment(ORDER, ADA, new BigDecimal("59.97"), PaymentStatus.COMPLETED, null));
        assertThat(charged.events()).containsExactly(new PaymentCompleted(ORDER, ADA, new BigDecimal("59.97")));
    }

    @Test
    void aDeclinedOrderIsKeptWithItsReasonAndAnnounced() {
        var declined = Payment.declined(ORDER, ADA, new BigDecimal("59.97"));

        assertThat(declined.payment().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(declined.payment().failureReason()).isEqualTo("PAYMENT_DECLINED");
        assertThat(declined.events())
                .containsExactly(new PaymentDeclined(ORDER, ADA, new BigDecimal("59.97"), "PAYMENT_DECLINED"));
    }

    @Test
    void aCompletedPaymentIsRefundedWithTheReasonOfTheCompensation() {
        Payment completed = Payment.charged(ORDER, ADA, new BigDecimal("59.97")).payment();

        var refund = changed(completed.refund("SHIPPING_UNAVAILABLE"));

        assertThat(refund.payment())
                .isEqualTo(new Payment(
                        ORDER, ADA, new BigDecimal("59.97"), PaymentStatus.REFUNDED, "SHIPPING_UNAVAILABLE"));
        assertThat(refund.events())
                .containsExactly(new PaymentRefunded(ORDER, ADA, new BigDecimal("59.97"), "SHIPPING_UNAVAILABLE"));
    }

    @Test
    void aRefundedPaymentIsNotRefundedAgain() {
        Transition refunded =
                Payment.charged(ORDER, ADA, BigDecimal.TEN).payment().refund("SHIPPING_UNAVAILABLE");
        Payment refundedPayment = changed(refunded).payment();

        assertThat(refundedPayment.refund("SHIPPING_UNAVAILABLE")).isInstanceOf(Transition.Ignored.class);
    }

    @Test
    void aDeclinedPaymentTookNothingSoALateShipmentFailureRefundsNothing() {
        Payment declined = Payment.declined(ORDER, ADA, BigDecimal.TEN).payment();

        assertThat(declined.refund("SHIPPING_UNAVAILABLE")).isInstanceOf(Transition.Ignored.class);
    }

    @Test
    void amountsAreExactWithTwoDecimals() {
        assertThat(Payment.charged(ORDER, ADA, new BigDecimal("10")).payment().amount())
                .isEqualByComparingTo("10.00")
                .hasToString("10.00");
        assertThat(((PaymentCompleted) Payment.charged(ORDER, ADA, new BigDecimal("10.500"))
                                .events()
                                .get(0))
                        .amount())
                .hasToString("10.50");
        assertThat(Payment.charged(ORDER, ADA, BigDecimal.ZERO).payment().amount())
                .hasToString("0.00");
    }

    @Test
    void aNegativeAmountOrFractionsOfACentAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Payment.charged(ORDER, ADA, new BigDecimal("-0.01")));
        assertThatIllegalArgumentException().isThrownBy(() -> Payment.declined(ORDER, ADA, new BigDecimal("1.005")));
        assertThatIllegalArgumentException().isThrownBy(() -> Payment.charged(ORDER, ADA, null));
    }

    @Test
    void cancellingACompletedPaymentRefundsItWithTheCancellationsCause() {
        Payment completed = Payment.charged(ORDER, ADA, new BigDecimal("59.97")).payment();

        var cancelled = changed(completed.cancel("CUSTOMER_CANCELLED"));

        assertThat(cancelled.payment().status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(cancelled.payment().failureReason()).isEqualTo("CUSTOMER_CANCELLED");
        assertThat(cancelled.events())
                .containsExactly(new PaymentRefunded(ORDER, ADA, new BigDecimal("59.97"), "CUSTOMER_CANCELLED"));
    }

    @Test
    void withNothingHeldACancellationStillAnswersAndGivesNothingBack() {
        Payment declined = Payment.declined(ORDER, ADA, BigDecimal.TEN).payment();
        Payment refunded = changed(
                        Payment.charged(ORDER, ADA, BigDecimal.TEN).payment().refund("SHIPPING_UNAVAILABLE"))
                .payment();
        Payment tombstone =
                Payment.cancelBeforeCharging(ORDER, ADA, "TIMED_OUT").payment();

        for (Payment nothingHeld : List.of(declined, refunded, tombstone)) {
            var answer = changed(nothingHeld.cancel("CUSTOMER_CANCELLED"));

            assertThat(answer.payment()).isEqualTo(nothingHeld);
            assertThat(answer.events()).containsExactly(new PaymentCancelled(ORDER, ADA, "CUSTOMER_CANCELLED"));
        }
    }

    @Test
    void aCancellationBeforeTheChargeLeavesATombstoneThatHoldsNoMoney() {
        var tombstone = Payment.cancelBeforeCharging(ORDER, ADA, "TIMED_OUT");

        assertThat(tombstone.payment())
                .isEqualTo(new Payment(ORDER, ADA, BigDecimal.ZERO, PaymentStatus.CANCELLED, "TIMED_OUT"));
        assertThat(tombstone.payment().amount()).hasToString("0.00");
        assertThat(tombstone.events()).containsExactly(new PaymentCancelled(ORDER, ADA, "TIMED_OUT"));
        assertThat(tombstone.payment().refund("SHIPPING_UNAVAILABLE")).isInstanceOf(Transition.Ignored.class);
    }

    private static Transition.Changed changed(Transition transition) {
        assertThat(transition).isInstanceOf(Transition.Changed.class);
        return (Transition.Changed) transition;
    }
}
