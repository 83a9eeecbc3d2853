package shop.inventory.messaging;

/** Wire record of InventoryReleased v1: {@code failureReason} is the cause that started the compensation. */
record InventoryReleased(String customerId, String failureReason) {}
