package shop.order;

import java.util.List;
import shop.order.domain.OrderLine;
import shop.order.domain.ShippingAddress;

/** A customer's validated request to place an order. */
public record PlaceOrder(String customerId, List<OrderLine> lines, ShippingAddress shippingAddress) {

    public PlaceOrder {
        lines = List.copyOf(lines);
    }
}
