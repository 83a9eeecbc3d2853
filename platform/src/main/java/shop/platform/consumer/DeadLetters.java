package shop.platform.consumer;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import reactor.core.publisher.Mono;
import shop.platform.event.HeaderNames;
import shop.platform.publish.ConfirmedPublisher;
import shop.platform.publish.Publication;

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
                        HeaderNames.EXCEPTION_MESSAGE,
                        message.length() > MAX_CAUSE_LENGTH ? message.substring(0, MAX_CAUSE_LENGTH) : message)
                .setHeader(HeaderNames.EXCEPTION_TYPE, cause.getClass().getName())
                .setHeader(HeaderNames.ORIGINAL_EXCHANGE, delivery.exchange())
                .setHeader(HeaderNames.ORIGINAL_ROUTING_KEY, original.getReceivedRoutingKey())
                .setHeader(HeaderNames.ORIGINAL_QUEUE, delivery.queue())
                .build();
    }
}
