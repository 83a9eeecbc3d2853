package shop.platform.consumer;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import reactor.core.publisher.Mono;
import shop.platform.outbox.ConfirmedPublisher;
import shop.platform.outbox.Publication;

/**
 * Sends a copy of a message that cannot be handled to its queue's dead-letter queue, with the
 * cause in its headers, and waits for the broker's confirm. The platform does this itself rather
 * than rejecting the message: a quorum queue's own dead-lettering is at most once.
 */
final class DeadLetters {

    private static final int MAX_CAUSE_LENGTH = 1000;

    private final ConfirmedPublisher publisher;

    DeadLetters(ConfirmedPublisher publisher) {
        this.publisher = publisher;
    }

    Mono<Void> send(Delivery delivery, Throwable cause) {
        return Mono.defer(
                () -> publisher.publishOne(new Publication("", delivery.deadLetterQueue(), copy(delivery, cause))));
    }

    private static Message copy(Delivery delivery, Throwable cause) {
        var original = delivery.message().getMessageProperties();
        String message = String.valueOf(cause.getMessage());
        return MessageBuilder.fromClonedMessage(delivery.message())
                .setHeader(
                        "x-exception-message",
                        message.length() > MAX_CAUSE_LENGTH ? message.substring(0, MAX_CAUSE_LENGTH) : message)
                .setHeader("x-exception-type", cause.getClass().getName())
                .setHeader("x-original-exchange", original.getReceivedExchange())
                .setHeader("x-original-routingKey", original.getReceivedRoutingKey())
                .setHeader("x-original-queue", delivery.queue())
                .build();
    }
}
