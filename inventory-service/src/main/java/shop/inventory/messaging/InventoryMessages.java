package shop.inventory.messaging;

import shop.inventory.domain.InventoryEvent;
import shop.platform.event.OutgoingEvent;

/** Turns inventory's domain events into the messages of its contract (exchange inventory.events). */
public final class InventoryMessages {

    private static final int VERSION = 1;

    private InventoryMessages() {}

    /**
     * The message announcing {@code event}. InventoryReserved carries the order's shipping address
     * on to payment and shipping as OrderPlaced brought it, so it needs it here.
     */
    public static OutgoingEvent of(InventoryEvent event, ShippingAddress shippingAddress) {
        if (event instanceof InventoryEvent.Reserved reserved) {
            if (shippingAddress == null) {
                throw new IllegalArgumentException("InventoryReserved needs the order's shipping address");
            }
            var items = reserved.lines().stream()
                    .map(line -> new InventoryReserved.Item(line.sku(), line.quantity(), line.unitPrice()))
                    .toList();
            return new OutgoingEvent(
                    "InventoryReserved",
                    VERSION,
                    reserved.orderId(),
                    new InventoryReserved(reserved.customerId(), items, reserved.total(), shippingAddress));
        }
        if (event instanceof InventoryEvent.Rejected rejected) {
            return new OutgoingEvent(
                    "InventoryRejected",
                    VERSION,
                    rejected.orderId(),
                    new InventoryRejected(
                            rejected.customerId(), rejected.reason().name(), rejected.detail()));
        }
        var released = (InventoryEvent.Released) event;
        return new OutgoingEvent(
                "InventoryReleased",
                VERSION,
                released.orderId(),
                new InventoryReleased(released.customerId(), released.failureReason()));
    }

    /** The message announcing an event that carries no shipping address (all but a reservation). */
    public static OutgoingEvent of(InventoryEvent event) {
        return of(event, null);
    }
}
