package shop.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import shop.platform.MessagingProperties;
import shop.platform.event.Causation;
import shop.platform.event.EventCodec;
import shop.platform.event.IncomingEvent;
import shop.platform.event.TraceParent;
import shop.platform.inbox.Inbox;

/**
 * Handles each message of a binding as its own {@code Mono}: parse, then one transaction that
 * records the event in the inbox and applies the handler's effect (outbox rows included), then
 * the acknowledgement, only after the commit. The binder's thread returns at once; prefetch
 * bounds how many messages are in flight.
 *
 * <p>Infrastructure failures are retried with backoff for as long as the message is held;
 * message failures are retried a few times, then dead-lettered with their cause and
 * acknowledged. If the channel closes meanwhile, the broker redelivers the message and this
 * attempt stops.
 */
public final class EventConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final EventHandlers handlers;
    private final EventCodec codec;
    private final Inbox inbox;
    private final TransactionalOperator transaction;
    private final DeadLetters deadLetters;
    private final DeliveriesInFlight inFlight;
    private final MessagingProperties.Consumer settings;
    private final MeterRegistry meters;

    EventConsumer(
            EventHandlers handlers,
            EventCodec codec,
            Inbox inbox,
            TransactionalOperator transaction,
            DeadLetters deadLetters,
            DeliveriesInFlight inFlight,
            MessagingProperties.Consumer settings,
            MeterRegistry meters) {
        this.handlers = handlers;
        this.codec = codec;
        this.inbox = inbox;
        this.transaction = transaction;
        this.deadLetters = deadLetters;
        this.inFlight = inFlight;
        this.settings = settings;
        this.meters = meters;
    }

    @Override
    public void accept(Message<byte[]> message) {
        Delivery delivery = Delivery.of(message);
        if (!inFlight.enter()) {
            return;
        }
        Mono.defer(() -> handleOnce(delivery))
                .retryWhen(retryWhileHeld(delivery))
                .onErrorResume(failure -> failure instanceof Released ? Mono.empty() : deadLetter(delivery, failure))
                .flatMap(outcome -> acknowledge(delivery, outcome))
                .doFinally(signal -> inFlight.exit())
                .subscribe(
                        null,
                        error -> log.error("Unexpected failure handling a message of {}", delivery.queue(), error));
    }

    private Mono<String> handleOnce(Delivery delivery) {
        IncomingEvent event = codec.decode(delivery.message().getBody(), delivery.traceparent());
        if (!handlers.handles(event.type())) {
            return Mono.just("ignored");
        }
        TraceParent trace = event.traceParent() == null ? TraceParent.newTrace() : event.traceParent();
        return transaction
                .transactional(inbox.recordFirst(delivery.queue(), event.eventId())
                        .flatMap(first ->
                                first ? handlers.handle(event, codec).thenReturn("handled") : Mono.just("duplicate")))
                .contextWrite(context -> Causation.put(context, new Causation(event.eventId(), trace)));
    }

    private Mono<String> deadLetter(Delivery delivery, Throwable cause) {
        log.warn(
                "Dead-lettering a message of {} after {} retries: {}",
                delivery.queue(),
                settings.messageRetries(),
                cause.toString());
        return deadLetters
                .send(delivery, cause)
                .retryWhen(Retry.from(signals -> signals.concatMap(signal -> delivery.held()
                        ? Mono.delay(backoff(signal.totalRetriesInARow()))
                        : Mono.error(new Released()))))
                .thenReturn("dead-lettered")
                .onErrorResume(Released.class, released -> Mono.empty());
    }

    private Mono<Void> acknowledge(Delivery delivery, String outcome) {
        return Mono.<Void>fromCallable(() -> {
                    delivery.ack();
                    meters.counter("shop.consumer.messages", "queue", delivery.queue(), "outcome", outcome)
                            .increment();
                    return null;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(failure -> {
                    log.info(
                            "Could not acknowledge a message of {} (it will be redelivered): {}",
                            delivery.queue(),
                            failure.toString());
                    return Mono.empty();
                });
    }

    private Retry retryWhileHeld(Delivery delivery) {
        return Retry.from(signals -> {
            int[] messageFailures = {0};
            return signals.concatMap(signal -> {
                Throwable failure = signal.failure();
                if (!delivery.held()) {
                    return Mono.error(new Released());
                }
                if (Failures.isInfrastructure(failure)) {
                    log.debug("Infrastructure failure on {}, retrying: {}", delivery.queue(), failure.toString());
                    return Mono.delay(backoff(signal.totalRetriesInARow()));
                }
                if (messageFailures[0]++ < settings.messageRetries()) {
                    return Mono.delay(settings.messageBackoff());
                }
                return Mono.error(failure);
            });
        });
    }

    private Duration backoff(long attempt) {
        long base = settings.minBackoff().toMillis() << Math.min(attempt, 16);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /** The delivery's channel closed: the broker will deliver the message again. */
    private static final class Released extends RuntimeException {
        Released() {
            super("delivery released", null, false, false);
        }
    }
}
