package shop.inventory.messaging;

/** Wire record of InventoryRejected v1. */
record InventoryRejected(String customerId, String failureReason, String detail) {}
