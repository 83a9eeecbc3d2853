package shop.order;

import java.util.UUID;

/** An event names an order this service never placed: a fault of the message, not a business outcome. */
public class UnknownOrderException extends RuntimeException {

    public UnknownOrderException(UUID orderId) {
        super("no order " + orderId);
    }
}
