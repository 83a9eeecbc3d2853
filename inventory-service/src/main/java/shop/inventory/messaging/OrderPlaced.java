package shop.inventory.messaging;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import shop.inventory.domain.OrderLine;

/**
 * The fields of OrderPlaced v1 inventory reads. The shipping address is not inventory's
 * business: it is passed on in InventoryReserved. An order without lines, customer or
 * address cannot be served by anyone and is refused as malformed.
 */
record OrderPlaced(UUID orderId, String customerId, List<Item> items, ShippingAddress shippingAddress) {

    OrderPlaced {
        Objects.requireNonNull(customerId, "customerId");
        if (items == null || items.isEmpty() || items.contains(null)) {
            throw new IllegalArgumentException("an order needs at least one item");
        }
        if (shippingAddress == null) {
            throw new IllegalArgumentException("an order needs a shipping address");
        }
    }

    record Item(String sku, Integer quantity) {

        Item {
            if (sku == null || quantity == null || quantity < 1) {
                throw new IllegalArgumentException("an item needs a sku and a quantity of at least 1");
            }
        }
    }

    List<OrderLine> lines() {
        return items.stream()
                .map(item -> new OrderLine(item.sku(), item.quantity()))
                .toList();
    }
}
