package shop.order.domain;

import java.util.List;
import java.util.UUID;

/** What happened to an order, as the order tells it; the wire records are built from these. */
public sealed interface OrderEvent {

    UUID orderId();

    record OrderPlaced(UUID orderId, String customerId, List<OrderLine> lines, ShippingAddress shippingAddress)
            implements OrderEvent {

        public OrderPlaced {
            lines = List.copyOf(lines);
        }
    }

    record OrderConfirmed(UUID orderId, String customerId) implements OrderEvent {}

    /** The order is to be cancelled, for {@code failureReason}: the other services unwind what they did. */
    record OrderCancellationRequested(UUID orderId, String customerId, String failureReason) implements OrderEvent {}

    record OrderCancelled(UUID orderId, String customerId, String failureReason) implements OrderEvent {}
}
