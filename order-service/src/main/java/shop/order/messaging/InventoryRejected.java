package shop.order.messaging;

import java.util.UUID;

/** What order-service reads of InventoryRejected v1. */
record InventoryRejected(UUID orderId, String failureReason) {

    InventoryRejected {
        FailureReasons.require(failureReason);
    }
}
