package shop.payment.messaging;

import java.math.BigDecimal;
import java.util.UUID;
import shop.payment.payment.Charge;
import tools.jackson.databind.JsonNode;

/** The fields of inventory's InventoryReserved (v1) that payment reads: who pays how much, and where it ships. */
record InventoryReserved(UUID orderId, String customerId, BigDecimal total, JsonNode shippingAddress) {

    Charge toCharge() {
        return new Charge(orderId, customerId, total, shippingAddress);
    }
}
