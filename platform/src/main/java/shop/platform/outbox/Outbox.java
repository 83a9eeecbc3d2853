package shop.platform.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.platform.event.Causation;
import shop.platform.event.EventCodec;
import shop.platform.event.OutgoingEvent;
import shop.platform.event.TraceParent;

/**
 * Adds outgoing events to the service's outbox table inside the caller's transaction, so that a
 * state change and the events announcing it commit together or not at all. The relay is woken
 * as soon as the transaction commits.
 */
public class Outbox {

    private static final String INSERT = """
            INSERT INTO platform.outbox
                (event_id, exchange, type, schema_version, order_id, causation_id, traceparent, occurred_at, body)
            VALUES (:eventId, :exchange, :type, :schemaVersion, :orderId, :causationId, :traceparent, :occurredAt, :body)
            """;

    private final DatabaseClient db;
    private final EventCodec codec;
    private final String exchange;
    private final Runnable onCommit;

    public Outbox(DatabaseClient db, EventCodec codec, String exchange, Runnable onCommit) {
        this.db = db;
        this.codec = codec;
        this.exchange = exchange;
        this.onCommit = onCommit;
    }

    public Mono<Void> append(OutgoingEvent... events) {
        return append(List.of(events));
    }

    public Mono<Void> append(List<OutgoingEvent> events) {
        if (exchange == null || exchange.isBlank()) {
            return Mono.error(new IllegalStateException(
                    "shop.messaging.exchange is not set: this service has no exchange to publish to"));
        }
        return TransactionSynchronizationManager.forCurrentTransaction()
                .onErrorMap(
                        NoTransactionException.class,
                        e -> new IllegalStateException(
                                "Outbox.append needs an active transaction: without one, the state change and its events would be a dual write",
                                e))
                .doOnNext(sync -> sync.registerSynchronization(wakeRelayAfterCommit()))
                .then(Causation.current())
                .flatMapMany(cause -> Flux.fromIterable(events).concatMap(event -> insert(event, cause)))
                .then();
    }

    private Mono<Long> insert(OutgoingEvent event, Optional<Causation> cause) {
        UUID eventId = UUID.randomUUID();
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID causationId = cause.map(Causation::eventId).orElse(null);
        TraceParent trace =
                cause.map(Causation::traceParent).map(TraceParent::child).orElseGet(TraceParent::newTrace);
        var spec = db.sql(INSERT)
                .bind("eventId", eventId)
                .bind("exchange", exchange)
                .bind("type", event.type())
                .bind("schemaVersion", event.schemaVersion())
                .bind("orderId", event.orderId())
                .bind("traceparent", trace.toString())
                .bind("occurredAt", occurredAt)
                .bind("body", codec.encode(eventId, event, occurredAt, causationId));
        spec = causationId == null ? spec.bindNull("causationId", UUID.class) : spec.bind("causationId", causationId);
        return spec.fetch().rowsUpdated();
    }

    private TransactionSynchronization wakeRelayAfterCommit() {
        return new TransactionSynchronization() {
            @Override
            public Mono<Void> afterCommit() {
                return Mono.fromRunnable(onCommit);
            }
        };
    }
}
