package shop.inventory.messaging;

import java.math.BigDecimal;
import java.util.List;

/** Wire record of InventoryReserved v1: what payment charges and shipping later ships to. */
record InventoryReserved(String customerId, List<Item> items, BigDecimal total, ShippingAddress shippingAddress) {

    record Item(String sku, long quantity, BigDecimal unitPrice) {}
}
