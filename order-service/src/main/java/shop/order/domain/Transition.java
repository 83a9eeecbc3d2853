package shop.order.domain;

import java.util.List;

/** The outcome of something happening to an order. */
public sealed interface Transition {

    /** The order as it stands afterwards. */
    Order order();

    /** The order moved on: store it and publish the events, in one transaction. */
    record Changed(Order order, List<OrderEvent> events) implements Transition {

        public Changed {
            events = List.copyOf(events);
        }
    }

    /** Nothing changes: the news came again or too late for the order. */
    record Ignored(Order order, String reason) implements Transition {}
}
