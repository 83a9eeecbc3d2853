package shop.payment.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** The order's total could not be taken: the balance was too low or the customer is unknown. */
public record PaymentDeclined(UUID orderId, String customerId, BigDecimal amount, String failureReason)
        implements PaymentEvent {}
