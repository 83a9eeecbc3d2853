package shop.payment.domain;

import java.util.List;

/** The outcome of something happening to an order's payment. */
public sealed interface Transition {

    /** The payment moved on: store it and publish the events, in one transaction. */
    record Changed(Payment payment, List<PaymentEvent> events) implements Transition {

        public Changed {
            events = List.copyOf(events);
        }
    }

    /** Nothing changes: the news came again or too late for the payment. */
    record Ignored(Payment payment, String reason) implements Transition {}
}
