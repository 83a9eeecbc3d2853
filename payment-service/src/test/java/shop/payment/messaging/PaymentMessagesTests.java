package shop.payment.messaging;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.payment.domain.Payment;
import shop.payment.domain.Transition;
import shop.platform.testing.Contracts;

/** Each event this service publishes serialises to exactly its example in contracts/payment.events. */
class PaymentMessagesTests {

    static final UUID ORDER = UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f");
    static final BigDecimal TOTAL = new BigDecimal("59.97");

    @Test
    void paymentCompletedPassesTheShippingAddressOnAsItCame() {
        var address = new ShippingAddress("Ada Lovelace", "12 St James Square", "London", "SW1Y 4JH", "GB");
        var charged = Payment.charged(ORDER, "customer-ada", TOTAL);

        Contracts.assertProduces(
                "payment.events",
                PaymentMessages.ofCharge(charged.events(), address).get(0));
    }

    @Test
    void paymentDeclined() {
        var declined = Payment.declined(ORDER, "customer-ada", TOTAL);

        Contracts.assertProduces(
                "payment.events",
                PaymentMessages.ofCharge(declined.events(), null).get(0));
    }

    @Test
    void paymentRefunded() {
        var refund = (Transition.Changed)
                Payment.charged(ORDER, "customer-ada", TOTAL).payment().refund("SHIPPING_UNAVAILABLE");

        Contracts.assertProduces(
                "payment.events", PaymentMessages.of(refund.events()).get(0));
    }

    @Test
    void paymentCancelled() {
        var cancelled = Payment.cancelBeforeCharging(ORDER, "customer-ada", "CUSTOMER_CANCELLED");

        Contracts.assertProduces(
                "payment.events", PaymentMessages.of(cancelled.events()).get(0));
    }
}
