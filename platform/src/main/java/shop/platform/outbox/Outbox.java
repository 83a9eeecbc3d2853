package shop.platform.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import shop.platform.event.Causation;
import shop.platform.event.EventCodec;
import shop.platform.event.OutgoingEvent;
import shop.platform.event.TraceParent;

/**
 * Adds outgoing events to the service's outbox table inside the caller's transaction, so that a
 * state change and the events announcing it commit together or not at all. The events a
 * transaction appends are written in one statement just before it commits; once it has
 * committed, they go to the relay as they are, so it publishes them without reading them back.
 */
public class Outbox {

    // The rows start leased to the relay's fast path: the poll leaves them alone unless the fast
    // path gives them back or the lease runs out (this process died before publishing them).
    private static final String INSERT = """
            INSERT INTO platform.outbox
                (event_id, exchange, type, schema_version, order_id, causation_id, traceparent, occurred_at, body,
                 next_attempt_at)
            SELECT e.event_id, :exchange, e.type, e.schema_version, e.order_id, e.causation_id, e.traceparent,
                   e.occurred_at, e.body, clock_timestamp() + :leaseMs * interval '1 millisecond'
            FROM unnest(CAST(:eventIds AS uuid[]), CAST(:types AS text[]), CAST(:schemaVersions AS integer[]),
                        CAST(:orderIds AS uuid[]), CAST(:causationIds AS uuid[]), CAST(:traceparents AS text[]),
                        CAST(:occurredAts AS timestamptz[]), CAST(:bodies AS text[]))
                 WITH ORDINALITY
                 AS e(event_id, type, schema_version, order_id, causation_id, traceparent, occurred_at, body, position)
            ORDER BY e.position
            RETURNING id, event_id
            """;

    private final DatabaseClient db;
    private final EventCodec codec;
    private final String exchange;
    private final OutboxRelay relay;

    public Outbox(DatabaseClient db, EventCodec codec, String exchange, OutboxRelay relay) {
        this.db = db;
        this.codec = codec;
        this.exchange = exchange;
        this.relay = relay;
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
                .zipWith(Causation.current())
                .doOnNext(found -> {
                    Appended appended = appendedIn(found.getT1());
                    events.forEach(event -> appended.events.add(row(event, found.getT2())));
                })
                .then();
    }

    /** The events appended in this transaction so far; the first append arranges their writing. */
    private Appended appendedIn(TransactionSynchronizationManager sync) {
        Appended appended = (Appended) sync.getResource(this);
        if (appended == null) {
            appended = new Appended();
            sync.bindResource(this, appended);
            sync.registerSynchronization(appended);
        }
        return appended;
    }

    private OutboxRow row(OutgoingEvent event, Optional<Causation> cause) {
        UUID eventId = UUID.randomUUID();
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID causationId = cause.map(Causation::eventId).orElse(null);
        TraceParent trace =
                cause.map(Causation::traceParent).map(TraceParent::child).orElseGet(TraceParent::newTrace);
        return new OutboxRow(
                0,
                eventId,
                exchange,
                event.type(),
                event.schemaVersion(),
                event.orderId(),
                causationId,
                trace.toString(),
                occurredAt,
                codec.encode(eventId, event, occurredAt, causationId));
    }

    /** One transaction's events: written before it commits, handed to the relay after. */
    private final class Appended implements TransactionSynchronization {

        private final List<OutboxRow> events = new ArrayList<>();
        private List<OutboxRow> written = List.of();
        private long writtenAt;

        @Override
        public Mono<Void> beforeCommit(boolean readOnly) {
            if (events.isEmpty()) {
                return Mono.empty();
            }
            writtenAt = System.nanoTime();
            return db.sql(INSERT)
                    .bind("exchange", exchange)
                    .bind("leaseMs", relay.lease().toMillis())
                    .bind("eventIds", events.stream().map(OutboxRow::eventId).toArray(UUID[]::new))
                    .bind("types", events.stream().map(OutboxRow::type).toArray(String[]::new))
                    .bind(
                            "schemaVersions",
                            events.stream().map(OutboxRow::schemaVersion).toArray(Integer[]::new))
                    .bind("orderIds", events.stream().map(OutboxRow::orderId).toArray(UUID[]::new))
                    .bind(
                            "causationIds",
                            events.stream().map(OutboxRow::causationId).toArray(UUID[]::new))
                    .bind(
                            "traceparents",
                            events.stream().map(OutboxRow::traceparent).toArray(String[]::new))
                    .bind(
                            "occurredAts",
                            events.stream()
                                    .map(row -> row.occurredAt().toString())
                                    .toArray(String[]::new))
                    .bind("bodies", events.stream().map(OutboxRow::body).toArray(String[]::new))
                    .map(row -> Map.entry(row.get("event_id", UUID.class), row.get("id", Long.class)))
                    .all()
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                    .doOnNext(ids -> written = events.stream()
                            .map(event -> event.withId(ids.get(event.eventId())))
                            .toList())
                    .then();
        }

        @Override
        public Mono<Void> afterCommit() {
            return Mono.fromRunnable(() -> relay.publishCommitted(written, Instant.now(), writtenAt));
        }
    }
}
