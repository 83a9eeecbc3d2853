package shop.payment.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** A completed payment was given back; {@code failureReason} is the cause that started the compensation. */
public record PaymentRefunded(UUID orderId, String customerId, BigDecimal amount, String failureReason)
        implements PaymentEvent {}
