package shop.platform.outbox;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import shop.platform.BackgroundWork;
import shop.platform.MessagingProperties;

/**
 * Publishes committed outbox rows. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED}
 * (so several relays share one outbox without publishing a row twice), published with
 * confirms, and marked sent in the same transaction. The relay runs when a transaction that
 * added events commits, and polls as a fallback; while the broker is unreachable it backs off
 * and tries again. A crash between publish and commit publishes the batch again: delivery is at
 * least once, and consumers deduplicate.
 */
public class OutboxRelay extends BackgroundWork {

    /** Stops after the consumers have drained, so that what they commit is published if it can be. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String CLAIM = """
            SELECT id, event_id, exchange, type, schema_version, order_id, causation_id, traceparent, occurred_at, body, created_at
            FROM platform.outbox
            WHERE sent_at IS NULL AND next_attempt_at <= clock_timestamp()
            ORDER BY id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;
    private static final String MARK_SENT =
            "UPDATE platform.outbox SET sent_at = clock_timestamp() WHERE id = ANY(:ids)";
    private static final String POSTPONE = """
            UPDATE platform.outbox
            SET attempts = attempts + 1,
                next_attempt_at = clock_timestamp()
                    + least(:minBackoffMs * power(2, least(attempts, 16)), :maxBackoffMs) * interval '1 millisecond'
            WHERE id = ANY(:ids)
            """;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final ConfirmedPublisher publisher;
    private final MessagingProperties.Relay settings;
    private final Timer lag;
    private final Retry retry;
    private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();

    public OutboxRelay(
            DatabaseClient db,
            TransactionalOperator transaction,
            ConfirmedPublisher publisher,
            MessagingProperties.Relay settings,
            MeterRegistry meters) {
        this.db = db;
        this.transaction = transaction;
        this.publisher = publisher;
        this.settings = settings;
        this.lag = Timer.builder("shop.outbox.lag")
                .description("Time from an event's commit to the broker's confirm of its publication")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.retry = Retry.of(
                "outbox-relay",
                RetryConfig.custom()
                        .maxAttempts(Integer.MAX_VALUE)
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(
                                settings.minBackoff(), 2.0, settings.maxBackoff()))
                        .build());
        retry.getEventPublisher()
                .onRetry(event -> log.warn(
                        "Outbox relay failed (attempt {}), next try in {}: {}",
                        event.getNumberOfRetryAttempts(),
                        event.getWaitInterval(),
                        String.valueOf(event.getLastThrowable())));
    }

    /** Asks for a run soon; calls while a run is under way fold into one more run. */
    public void wake() {
        wakeups.tryEmitNext(Boolean.TRUE);
    }

    /** Publishes everything pending now; completes when the outbox has no pending row left. */
    public Mono<Void> drain() {
        return publishBatch()
                .expand(published -> published == settings.batchSize() ? publishBatch() : Mono.empty())
                .then();
    }

    @Override
    protected Disposable begin() {
        return Flux.merge(
                        wakeups.asFlux(), Flux.interval(settings.pollInterval()).map(tick -> Boolean.TRUE))
                .onBackpressureLatest()
                .concatMap(wake -> drain().transformDeferred(RetryOperator.of(retry)), 1)
                .subscribe(null, error -> log.error("Outbox relay stopped", error));
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private Mono<Integer> publishBatch() {
        return transaction.transactional(db.sql(CLAIM)
                .bind("limit", settings.batchSize())
                .map(OutboxRelay::row)
                .all()
                .collectList()
                .flatMap(this::publishAndMark));
    }

    /**
     * Publishes the claimed rows and answers how many were claimed. Rows the broker refused or
     * returned are postponed with a backoff of their own, so one unroutable event does not slow
     * the others; a failure of the whole batch (broker unreachable) rolls back and is retried.
     */
    private Mono<Integer> publishAndMark(List<Row> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0);
        }
        return publisher.publish(rows.stream().map(Row::publication).toList()).flatMap(confirmed -> {
            List<Long> sent = new ArrayList<>();
            List<Long> refused = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < rows.size(); i++) {
                if (confirmed.get(i)) {
                    sent.add(rows.get(i).id());
                    lag.record(Duration.between(rows.get(i).createdAt(), now));
                } else {
                    refused.add(rows.get(i).id());
                }
            }
            if (!refused.isEmpty()) {
                log.warn(
                        "{} event(s) not confirmed or returned unroutable; each will be tried again later",
                        refused.size());
            }
            return markSent(sent).then(postpone(refused)).thenReturn(rows.size());
        });
    }

    private Mono<Void> markSent(List<Long> ids) {
        return ids.isEmpty()
                ? Mono.empty()
                : db.sql(MARK_SENT).bind("ids", ids.toArray(Long[]::new)).then();
    }

    private Mono<Void> postpone(List<Long> ids) {
        return ids.isEmpty()
                ? Mono.empty()
                : db.sql(POSTPONE)
                        .bind("ids", ids.toArray(Long[]::new))
                        .bind("minBackoffMs", settings.minBackoff().toMillis())
                        .bind("maxBackoffMs", settings.maxBackoff().toMillis())
                        .then();
    }

    private static Row row(Readable r) {
        return new Row(
                r.get("id", Long.class),
                r.get("event_id", UUID.class),
                r.get("exchange", String.class),
                r.get("type", String.class),
                r.get("schema_version", Integer.class),
                r.get("order_id", UUID.class),
                r.get("causation_id", UUID.class),
                r.get("traceparent", String.class),
                r.get("occurred_at", Instant.class),
                r.get("body", String.class),
                r.get("created_at", Instant.class));
    }

    private record Row(
            long id,
            UUID eventId,
            String exchange,
            String type,
            int schemaVersion,
            UUID orderId,
            UUID causationId,
            String traceparent,
            Instant occurredAt,
            String body,
            Instant createdAt) {

        Publication publication() {
            var properties = new MessageProperties();
            properties.setMessageId(eventId.toString());
            properties.setType(type);
            properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            properties.setContentEncoding("UTF-8");
            properties.setTimestamp(Date.from(occurredAt));
            properties.setHeader("orderId", orderId.toString());
            if (causationId != null) {
                properties.setHeader("causationId", causationId.toString());
            }
            properties.setHeader("schemaVersion", schemaVersion);
            properties.setHeader("traceparent", traceparent);
            return new Publication(
                    exchange, type, new Message(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), properties));
        }
    }
}
