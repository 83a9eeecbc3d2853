package shop.inventory.domain;

import java.util.List;

/** The outcome of something happening to an order's reservation. */
public sealed interface Transition {

    /** The reservation moved on: store it and the products it changed, and publish the events, in one transaction. */
    record Changed(Reservation reservation, List<Product> products, List<InventoryEvent> events) implements Transition {

        public Changed {
            products = List.copyOf(products);
            events = List.copyOf(events);
        }
    }

    /** Nothing changes: the news came again or too late for the reservation. */
    record Ignored(Reservation reservation, String reason) implements Transition {}
}
