package shop.order.messaging;

import java.util.UUID;

/** What order-service reads of ShipmentScheduled v1: only which order it is. */
record ShipmentScheduled(UUID orderId) {}
