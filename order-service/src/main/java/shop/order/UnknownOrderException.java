package shop.order;

import java.util.UUID;

/**
 * An event or a request names an order this service never placed: for an event a fault of the
 * message, not a business outcome; for a request a 404.
 */
public class UnknownOrderException extends RuntimeException {

    public UnknownOrderException(UUID orderId) {
        super("no order " + orderId);
    }
}
