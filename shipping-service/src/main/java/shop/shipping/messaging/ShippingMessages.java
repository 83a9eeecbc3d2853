package shop.shipping.messaging;

import java.util.List;
import shop.platform.event.OutgoingEvent;
import shop.shipping.domain.ShipmentEvent;

/** The events of {@code shipping.events} as they travel (contracts/shipping.events). */
public final class ShippingMessages {

    static final int SCHEMA_VERSION = 1;

    private ShippingMessages() {}

    record ShipmentScheduled(String trackingNumber, String country) {}

    record ShipmentFailed(String failureReason, String country) {}

    record ShipmentCancelled(String customerId, String failureReason, String trackingNumber) {}

    public static List<OutgoingEvent> of(List<ShipmentEvent> events) {
        return events.stream().map(ShippingMessages::of).toList();
    }

    static OutgoingEvent of(ShipmentEvent event) {
        // Java 17: no pattern matching for switch yet; the sealed interface has these three kinds.
        if (event instanceof ShipmentEvent.ShipmentScheduled scheduled) {
            return new OutgoingEvent(
                    "ShipmentScheduled",
                    SCHEMA_VERSION,
                    scheduled.orderId(),
                    new ShipmentScheduled(
                            scheduled.trackingNumber(), scheduled.country().value()));
        }
        if (event instanceof ShipmentEvent.ShipmentCancelled cancelled) {
            return new OutgoingEvent(
                    "ShipmentCancelled",
                    SCHEMA_VERSION,
                    cancelled.orderId(),
                    new ShipmentCancelled(
                            cancelled.customerId(), cancelled.failureReason().name(), cancelled.trackingNumber()));
        }
        var failed = (ShipmentEvent.ShipmentFailed) event;
        return new OutgoingEvent(
                "ShipmentFailed",
                SCHEMA_VERSION,
                failed.orderId(),
                new ShipmentFailed(
                        failed.failureReason().name(), failed.country().value()));
    }
}
