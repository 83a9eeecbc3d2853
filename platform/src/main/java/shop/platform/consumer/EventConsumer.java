package shop.platform.consumer;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import shop.platform.MessagingProperties;
import shop.platform.event.EventCodec;
import shop.platform.event.MalformedEventException;
import shop.platform.inbox.Inbox;

/**
 * Handles the messages of one binding, or of several that share it (their events then meet in
 * one order's lane and in one batch). The binder's thread only hands each message over and
 * returns; prefetch bounds how many are held. Messages are spread over a few lanes by order, so
 * one order's messages stay in arrival order while different orders' proceed in parallel. In a
 * lane, the messages that have arrived are handled as one batch in one transaction: one
 * statement records all their inbox entries and tells which are new, the handlers do the new
 * ones' work, the outbox writes all the events they produced in one statement, one commit, then
 * the messages are acknowledged ({@link Acknowledgements}). A batch takes what has arrived and
 * does not wait to fill, so it costs nothing when idle and grows by itself under load.
 *
 * <p>An infrastructure failure retries the batch with backoff for as long as its messages are
 * held. Any other failure sends the batch's messages through one at a time: a message that fails
 * on its own is retried a few times, then dead-lettered with its cause and acknowledged, and the
 * others go on. If a channel closes meanwhile, the broker redelivers its messages and this
 * attempt lets them go.
 */
public final class EventConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final InboxedHandlers handlers;
    private final EventCodec codec;
    private final TransactionalOperator transaction;
    private final DeadLetters deadLetters;
    private final DeliveriesInFlight inFlight;
    private final MessagingProperties.Consumer settings;
    private final MeterRegistry meters;
    private final Acknowledgements acknowledgements;
    private final Retries retries;
    private final Lanes lanes;
    private final DistributionSummary batchSizes;

    EventConsumer(
            EventHandlers handlers,
            EventCodec codec,
            Inbox inbox,
            TransactionalOperator transaction,
            DeadLetters deadLetters,
            DeliveriesInFlight inFlight,
            MessagingProperties.Consumer settings,
            MeterRegistry meters,
            Acknowledgements acknowledgements) {
        this.handlers = new InboxedHandlers(handlers, codec, inbox);
        this.codec = codec;
        this.transaction = transaction;
        this.deadLetters = deadLetters;
        this.inFlight = inFlight;
        this.settings = settings;
        this.meters = meters;
        this.acknowledgements = acknowledgements;
        this.retries = new Retries(settings, meters);
        this.batchSizes = meters.summary("shop.consumer.batch.size");
        this.lanes = new Lanes(
                settings.lanes(),
                settings.batchSize(),
                batch -> handleBatch(batch)
                        .onErrorResume(error -> {
                            log.error("Unexpected failure handling {} message(s)", batch.size(), error);
                            return Mono.empty();
                        })
                        .doFinally(signal -> batch.forEach(delivery -> inFlight.exit())));
    }

    /** The event types this consumer has handlers for; its queue must be bound to exactly these. */
    public Set<String> subscribedTypes() {
        return handlers.types();
    }

    @Override
    public void accept(Message<byte[]> message) {
        Delivery delivery = Delivery.of(message);
        acknowledgements.received(delivery);
        if (!inFlight.enter()) {
            return;
        }
        lanes.offer(delivery);
    }

    private Mono<Void> handleBatch(List<Delivery> batch) {
        batchSizes.record(batch.size());
        List<Received> readable = new ArrayList<>();
        List<Delivery> unreadable = new ArrayList<>();
        for (Delivery delivery : batch) {
            try {
                readable.add(read(delivery));
            } catch (MalformedEventException e) {
                unreadable.add(delivery);
            }
        }
        // Every lane and binding takes its orders' rows in the same order: no deadlock between them.
        readable.sort(
                Comparator.comparing((Received received) -> received.event().orderId()));
        return handleTogether(readable)
                .onErrorResume(failure -> {
                    log.debug(
                            "A batch of {} failed ({}): handling its messages one by one",
                            readable.size(),
                            failure.toString());
                    return Flux.fromIterable(readable)
                            .concatMap(received -> handleAlone(received.delivery()))
                            .then();
                })
                .then(Flux.fromIterable(unreadable).concatMap(this::handleAlone).then());
    }

    private Received read(Delivery delivery) {
        return new Received(
                delivery, codec.decode(delivery.message().getBody(), delivery.exchange(), delivery.traceparent()));
    }

    private Mono<Void> handleTogether(List<Received> batch) {
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        if (batch.size() == 1) {
            return handleAlone(batch.get(0).delivery());
        }
        return Mono.defer(() -> transaction.transactional(handlers.apply(batch)))
                .retryWhen(retries.handling(
                        () -> batch.stream()
                                .allMatch(received -> received.delivery().held()),
                        0))
                .flatMap(outcomes ->
                        acknowledge(batch.stream().map(Received::delivery).toList(), outcomes));
    }

    private Mono<Void> handleAlone(Delivery delivery) {
        if (!delivery.held()) {
            return Mono.empty();
        }
        return Mono.defer(() -> transaction.transactional(handlers.apply(List.of(read(delivery)))))
                .retryWhen(retries.handling(delivery::held, settings.messageRetries()))
                .onErrorResume(
                        failure -> failure instanceof Retries.Released ? Mono.empty() : deadLetter(delivery, failure))
                .flatMap(outcomes -> acknowledge(List.of(delivery), outcomes));
    }

    private Mono<List<Outcome>> deadLetter(Delivery delivery, Throwable cause) {
        log.warn(
                "Dead-lettering a message of {} after {} retries: {}",
                delivery.queue(),
                settings.messageRetries(),
                cause.toString());
        return deadLetters
                .send(delivery, cause)
                .retryWhen(retries.deadLettering(delivery::held))
                .thenReturn(List.of(Outcome.DEAD_LETTERED))
                .onErrorResume(Retries.Released.class, released -> Mono.empty());
    }

    private Mono<Void> acknowledge(List<Delivery> deliveries, List<Outcome> outcomes) {
        return Mono.<Void>fromRunnable(() -> {
                    Set<Delivery> acknowledged = Set.copyOf(acknowledgements.acknowledge(deliveries));
                    for (int i = 0; i < deliveries.size(); i++) {
                        Delivery delivery = deliveries.get(i);
                        if (acknowledged.contains(delivery)) {
                            meters.counter(
                                            "shop.consumer.messages",
                                            "queue",
                                            delivery.queue(),
                                            "outcome",
                                            outcomes.get(i).tag())
                                    .increment();
                        }
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
}
