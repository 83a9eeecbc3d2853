package shop.order.web;

import java.util.UUID;

/** The answer to a placed order: the saga has started. */
record OrderAccepted(UUID orderId, String status) {}
