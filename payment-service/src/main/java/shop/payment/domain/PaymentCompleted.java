package shop.payment.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** The order's total was taken from the customer's balance. */
public record PaymentCompleted(UUID orderId, String customerId, BigDecimal amount) implements PaymentEvent {}
