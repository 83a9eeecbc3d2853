package shop.order.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import shop.order.domain.Order;

/** The body of {@code GET /orders/{orderId}}. */
record OrderView(
        UUID orderId,
        String customerId,
        String status,
        String failureReason,
        List<PlaceOrderRequest.Item> items,
        PlaceOrderRequest.Address shippingAddress,
        Instant createdAt,
        Instant updatedAt) {

    static OrderView of(Order order) {
        var address = order.shippingAddress();
        return new OrderView(
                order.id(),
                order.customerId(),
                order.status().name(),
                order.failureReason(),
                order.lines().stream()
                        .map(line -> new PlaceOrderRequest.Item(line.sku(), line.quantity()))
                        .toList(),
                new PlaceOrderRequest.Address(
                        address.name(), address.street(), address.city(), address.postalCode(), address.country()),
                order.createdAt(),
                order.updatedAt());
    }
}
