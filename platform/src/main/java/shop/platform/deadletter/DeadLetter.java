package shop.platform.deadletter;

/** A message in a dead-letter queue, as a person needs to see it to decide on a replay. */
public record DeadLetter(
        String messageId,
        String type,
        String orderId,
        String exceptionType,
        String exceptionMessage,
        String originalExchange,
        String originalRoutingKey,
        String body) {}
