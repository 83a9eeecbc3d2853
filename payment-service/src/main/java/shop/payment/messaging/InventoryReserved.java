package shop.payment.messaging;

import java.math.BigDecimal;
import java.util.UUID;
import shop.payment.Charge;

/** The fields of inventory's InventoryReserved (v1) that payment reads: who pays how much, and where it ships. */
record InventoryReserved(UUID orderId, String customerId, BigDecimal total, ShippingAddress shippingAddress) {

    Charge toCharge() {
        return new Charge(orderId, customerId, total, shippingAddress);
    }
}
