package shop.payment.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** What happened to an order's payment, for the other services to react to. */
public sealed interface PaymentEvent permits PaymentCompleted, PaymentDeclined, PaymentRefunded, PaymentCancelled {

    UUID orderId();

    String customerId();

    BigDecimal amount();
}
