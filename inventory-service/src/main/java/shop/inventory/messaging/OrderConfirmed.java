package shop.inventory.messaging;

import java.util.UUID;

/** The fields of OrderConfirmed v1 inventory reads. */
record OrderConfirmed(UUID orderId) {}
