package shop.shipping.domain;

import java.util.List;

/** The outcome of something happening to an order's shipment. */
public sealed interface Transition {

    /** The shipment was decided: store it and publish the events, in one transaction. */
    record Changed(Shipment shipment, List<ShipmentEvent> events) implements Transition {

        public Changed {
            events = List.copyOf(events);
        }
    }

    /** Nothing changes: the news came again or too late for the shipment. */
    record Ignored(Shipment shipment, String reason) implements Transition {}
}
