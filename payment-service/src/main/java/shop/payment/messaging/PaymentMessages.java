package shop.payment.messaging;

import java.math.BigDecimal;
import java.util.List;
import shop.payment.domain.PaymentCancelled;
import shop.payment.domain.PaymentCompleted;
import shop.payment.domain.PaymentDeclined;
import shop.payment.domain.PaymentEvent;
import shop.payment.domain.PaymentRefunded;
import shop.platform.event.OutgoingEvent;

/** The wire form (version 1) of the events this service publishes to {@code payment.events}. */
public final class PaymentMessages {

    private PaymentMessages() {}

    record Completed(String customerId, BigDecimal amount, ShippingAddress shippingAddress) {}

    record Declined(String customerId, BigDecimal amount, String failureReason) {}

    record Refunded(String customerId, BigDecimal amount, String failureReason) {}

    record Cancelled(String customerId, String failureReason) {}

    /** A charge's events; PaymentCompleted carries the order's shipping address on to shipping. */
    public static List<OutgoingEvent> ofCharge(List<PaymentEvent> events, ShippingAddress shippingAddress) {
        return events.stream()
                .map(event -> {
                    if (event instanceof PaymentCompleted completed) {
                        return completed(completed, shippingAddress);
                    }
                    if (event instanceof PaymentDeclined declined) {
                        return declined(declined);
                    }
                    throw new IllegalArgumentException("a charge does not end in " + event);
                })
                .toList();
    }

    /** The events of a refund or a cancellation. */
    public static List<OutgoingEvent> of(List<PaymentEvent> events) {
        return events.stream()
                .map(event -> {
                    if (event instanceof PaymentRefunded refunded) {
                        return refunded(refunded);
                    }
                    if (event instanceof PaymentCancelled cancelled) {
                        return cancelled(cancelled);
                    }
                    throw new IllegalArgumentException("a refund or a cancellation does not end in " + event);
                })
                .toList();
    }

    private static OutgoingEvent completed(PaymentCompleted event, ShippingAddress shippingAddress) {
        return new OutgoingEvent(
                "PaymentCompleted",
                1,
                event.orderId(),
                new Completed(event.customerId(), event.amount(), shippingAddress));
    }

    private static OutgoingEvent declined(PaymentDeclined event) {
        return new OutgoingEvent(
                "PaymentDeclined",
                1,
                event.orderId(),
                new Declined(event.customerId(), event.amount(), event.failureReason()));
    }

    private static OutgoingEvent refunded(PaymentRefunded event) {
        return new OutgoingEvent(
                "PaymentRefunded",
                1,
                event.orderId(),
                new Refunded(event.customerId(), event.amount(), event.failureReason()));
    }

    private static OutgoingEvent cancelled(PaymentCancelled event) {
        return new OutgoingEvent(
                "PaymentCancelled", 1, event.orderId(), new Cancelled(event.customerId(), event.failureReason()));
    }
}
