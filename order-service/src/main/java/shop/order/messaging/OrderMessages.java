package shop.order.messaging;

import java.util.List;
import shop.order.domain.OrderEvent;
import shop.order.domain.OrderLine;
import shop.order.domain.ShippingAddress;
import shop.platform.event.OutgoingEvent;

/** The wire records of order.events (version 1 of each), built from the order's events. */
public final class OrderMessages {

    record Line(String sku, int quantity) {}

    record Address(String name, String street, String city, String postalCode, String country) {}

    record OrderPlaced(String customerId, List<Line> items, Address shippingAddress) {}

    record OrderConfirmed(String customerId) {}

    record OrderCancellationRequested(String customerId, String failureReason) {}

    record OrderCancelled(String customerId, String failureReason) {}

    private OrderMessages() {}

    public static List<OutgoingEvent> of(List<OrderEvent> events) {
        return events.stream().map(OrderMessages::of).toList();
    }

    static OutgoingEvent of(OrderEvent event) {
        if (event instanceof OrderEvent.OrderPlaced placed) {
            return new OutgoingEvent(
                    "OrderPlaced",
                    1,
                    placed.orderId(),
                    new OrderPlaced(
                            placed.customerId(),
                            placed.lines().stream().map(OrderMessages::line).toList(),
                            address(placed.shippingAddress())));
        }
        if (event instanceof OrderEvent.OrderConfirmed confirmed) {
            return new OutgoingEvent(
                    "OrderConfirmed", 1, confirmed.orderId(), new OrderConfirmed(confirmed.customerId()));
        }
        if (event instanceof OrderEvent.OrderCancellationRequested requested) {
            return new OutgoingEvent(
                    "OrderCancellationRequested",
                    1,
                    requested.orderId(),
                    new OrderCancellationRequested(requested.customerId(), requested.failureReason()));
        }
        var cancelled = (OrderEvent.OrderCancelled) event;
        return new OutgoingEvent(
                "OrderCancelled",
                1,
                cancelled.orderId(),
                new OrderCancelled(cancelled.customerId(), cancelled.failureReason()));
    }

    private static Line line(OrderLine line) {
        return new Line(line.sku(), line.quantity());
    }

    private static Address address(ShippingAddress address) {
        return new Address(address.name(), address.street(), address.city(), address.postalCode(), address.country());
    }
}
