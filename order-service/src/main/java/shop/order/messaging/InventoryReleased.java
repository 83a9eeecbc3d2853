package shop.order.messaging;

import java.util.UUID;

/** What order-service reads of InventoryReleased v1. */
record InventoryReleased(UUID orderId, String failureReason) {

    InventoryReleased {
        FailureReasons.require(failureReason);
    }
}
