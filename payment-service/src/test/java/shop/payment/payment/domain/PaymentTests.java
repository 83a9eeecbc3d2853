package shop.payment.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
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
        assertThat(paid.event()).isEqualTo(new PaymentCompleted(ORDER, ADA, new BigDecimal("59.97")));
    }

    @Test
    void aChargeIsDeclinedWhenTheBalanceFallsShortOrThereIsNoAccount() {
        var fallingShort = Payment.charge(ORDER, ADA, new BigDecimal("59.97"), Optional.of(new BigDecimal("59.96")));
        var noAccount = Payment.charge(ORDER, ADA, new BigDecimal("59.97"), Optional.empty());

        assertThat(fallingShort.payment().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(fallingShort.event())
                .isEqualTo(new PaymentDeclined(ORDER, ADA, new BigDecimal("59.97"), "PAYMENT_DECLINED"));
        assertThat(noAccount.payment().status()).isEqualTo(PaymentStatus.DECLINED);
    }

    @Test
    void aChargedOrderIsCompletedAndAnnouncedWithItsAmount() {
        var charged = Payment.charged(ORDER, ADA, new BigDecimal("59.97"));

        assertThat(charged.payment())
                .isEqualTo(new Payment(ORDER, ADA, new BigDecimal("59.97"), PaymentStatus.COMPLETED, null));
        assertThat(charged.event()).isEqualTo(new PaymentCompleted(ORDER, ADA, new BigDecimal("59.97")));
    }

    @Test
    void aDeclinedOrderIsKeptWithItsReasonAndAnnounced() {
        var declined = Payment.declined(ORDER, ADA, new BigDecimal("59.97"));

        assertThat(declined.payment().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(declined.payment().failureReason()).isEqualTo("PAYMENT_DECLINED");
        assertThat(declined.event())
                .isEqualTo(new PaymentDeclined(ORDER, ADA, new BigDecimal("59.97"), "PAYMENT_DECLINED"));
    }

    @Test
    void aCompletedPaymentIsRefundedWithTheReasonOfTheCompensation() {
        Payment completed = Payment.charged(ORDER, ADA, new BigDecimal("59.97")).payment();

        var refund = completed.refund("SHIPPING_UNAVAILABLE").orElseThrow();

        assertThat(refund.payment())
                .isEqualTo(new Payment(
                        ORDER, ADA, new BigDecimal("59.97"), PaymentStatus.REFUNDED, "SHIPPING_UNAVAILABLE"));
        assertThat(refund.event())
                .isEqualTo(new PaymentRefunded(ORDER, ADA, new BigDecimal("59.97"), "SHIPPING_UNAVAILABLE"));
    }

    @Test
    void aRefundedPaymentIsNotRefundedAgain() {
        Payment refunded = Payment.charged(ORDER, ADA, BigDecimal.TEN)
                .payment()
                .refund("SHIPPING_UNAVAILABLE")
                .orElseThrow()
                .payment();

        assertThat(refunded.refund("SHIPPING_UNAVAILABLE")).isEmpty();
    }

    @Test
    void aDeclinedPaymentTookNothingSoALateShipmentFailureRefundsNothing() {
        Payment declined = Payment.declined(ORDER, ADA, BigDecimal.TEN).payment();

        assertThat(declined.refund("SHIPPING_UNAVAILABLE")).isEmpty();
    }

    @Test
    void amountsAreExactWithTwoDecimals() {
        assertThat(Payment.charged(ORDER, ADA, new BigDecimal("10")).payment().amount())
                .isEqualByComparingTo("10.00")
                .hasToString("10.00");
        assertThat(Payment.charged(ORDER, ADA, new BigDecimal("10.500")).event().amount())
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
}
