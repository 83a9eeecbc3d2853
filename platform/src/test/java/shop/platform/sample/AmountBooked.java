package shop.platform.sample;

import java.util.UUID;

/**
 * The sample event. {@code failures} tells the handler how often to fail before it succeeds
 * (-1: always), so that tests can drive the consumer's retry and dead-letter paths.
 */
public record AmountBooked(UUID eventId, UUID orderId, int amount, int failures) {

    public AmountBooked {
        if (eventId == null || orderId == null) {
            throw new IllegalArgumentException("eventId and orderId are required");
        }
    }
}
