package shop.order.web;

import java.util.UUID;

/** The answer to a placed order (the saga has started) or to a cancellation (with where the order stands). */
record OrderAccepted(UUID orderId, String status) {}
