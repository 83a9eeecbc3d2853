package shop.payment.messaging;

import java.math.BigDecimal;
import shop.payment.payment.domain.PaymentCompleted;
import shop.payment.payment.domain.PaymentDeclined;
import shop.payment.payment.domain.PaymentRefunded;
import shop.platform.event.OutgoingEvent;
import tools.jackson.databind.JsonNode;

/** The wire form (version 1) of the events this service publishes to {@code payment.events}. */
public final class PaymentMessages {

    private PaymentMessages() {}

    record Completed(String customerId, BigDecimal amount, JsonNode shippingAddress) {}

    record Declined(String customerId, BigDecimal amount, String failureReason) {}

    record Refunded(String customerId, BigDecimal amount, String failureReason) {}

    public static OutgoingEvent completed(PaymentCompleted event, JsonNode shippingAddress) {
        return new OutgoingEvent(
                "PaymentCompleted",
                1,
                event.orderId(),
                new Completed(event.customerId(), event.amount(), shippingAddress));
    }

    public static OutgoingEvent declined(PaymentDeclined event) {
        return new OutgoingEvent(
                "PaymentDeclined",
                1,
                event.orderId(),
                new Declined(event.customerId(), event.amount(), event.failureReason()));
    }

    public static OutgoingEvent refunded(PaymentRefunded event) {
        return new OutgoingEvent(
                "PaymentRefunded",
                1,
                event.orderId(),
                new Refunded(event.customerId(), event.amount(), event.failureReason()));
    }
}
