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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.platform.BackgroundWork;
import shop.platform.MessagingProperties;
import shop.platform.publish.ConfirmedPublisher;

/**
 * Publishes committed outbox rows, on two paths.
 *
 * <p>The fast path takes the events of a transaction that just committed from memory, publishes
 * them with confirms and marks them sent in one statement: no read of the outbox, no connection
 * or row lock held while the broker confirms. Their rows were written leased to it (see {@link
 * Outbox}), so the poll does not take them meanwhile; what the fast path cannot publish (broker
 * refused or unreachable, its queue full, the relay stopped) it hands back to the poll.
 *
 * <p>The poll is the fallback: it claims due rows with {@code FOR UPDATE SKIP LOCKED} (so several
 * relays share one outbox without publishing a row twice), publishes them with confirms and marks
 * them sent in the same transaction; while the broker is unreachable it backs off. It also takes
 * the rows of a process that died before publishing them, once their lease has run out. A crash
 * between publish and mark-sent publishes the events again: delivery is at least once, and
 * consumers deduplicate.
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
    // The only commit that may skip waiting for the WAL flush: losing it publishes the events
    // again, which consumers deduplicate. set_config(..., true) lasts for this statement's own
    // transaction.
    private static final String MARK_SENT_UNFLUSHED = """
            UPDATE platform.outbox SET sent_at = clock_timestamp()
            FROM (SELECT set_config('synchronous_commit', 'off', true)) AS this_commit_only
            WHERE id = ANY(:ids)
            """;
    private static final String HAND_TO_POLL =
            "UPDATE platform.outbox SET next_attempt_at = clock_timestamp() WHERE id = ANY(:ids) AND sent_at IS NULL";
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
    // Work signals for the fast path: it runs while this is above zero, one run at a time.
    private final AtomicInteger fastPathSignals = new AtomicInteger();
    private volatile Disposable fastPathRun = Disposables.disposed();
    private final BlockingQueue<Committed> committed;

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
        this.committed = new ArrayBlockingQueue<>(settings.fastPathCapacity());
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

    /** How long a row written by {@link Outbox} is left to the fast path before the poll may take it. */
    Duration lease() {
        return settings.lease();
    }

    /**
     * Takes the events of a transaction that has just committed, for the fast path; hands them to
     * the poll instead when the relay is stopped or the fast path's queue is full.
     *
     * @param writtenAt {@link System#nanoTime()} when their rows were written, which started their lease
     */
    void publishCommitted(List<OutboxRow> rows, Instant committedAt, long writtenAt) {
        if (rows.isEmpty()) {
            return;
        }
        if (isRunning() && committed.offer(new Committed(rows, committedAt, writtenAt))) {
            if (fastPathSignals.getAndIncrement() == 0) {
                runFastPath();
            }
        } else {
            handToPoll(rows).subscribe(null, error -> log.warn("Could not hand events to the poll", error));
        }
    }

    /** Publishes everything due now; completes when the outbox has no due row left. */
    private Mono<Void> drain() {
        return publishBatch()
                .expand(published -> published == settings.batchSize() ? publishBatch() : Mono.empty())
                .then();
    }

    @Override
    protected Disposable begin() {
        fastPathSignals.set(0);
        Disposable poll = Flux.interval(settings.pollInterval())
                .onBackpressureLatest()
                .concatMap(tick -> drain().transformDeferred(RetryOperator.of(retry)), 1)
                .subscribe(null, error -> log.error("Outbox relay stopped", error));
        return Disposables.composite(poll, () -> fastPathRun.dispose());
    }

    /** Publishes until the queue is empty, then runs again if signals came meanwhile. */
    private void runFastPath() {
        int signals = fastPathSignals.get();
        fastPathRun = Mono.defer(this::publishCommitted)
                .repeat(() -> !committed.isEmpty() && isRunning())
                .doFinally(signal -> {
                    if (fastPathSignals.addAndGet(-signals) != 0 && isRunning()) {
                        runFastPath();
                    }
                })
                .subscribe(null, error -> log.error("Outbox relay's fast path failed", error));
    }

    /** Stops both paths; what the fast path still held goes to the poll of whichever relay runs next. */
    @Override
    public void stop(Runnable callback) {
        stop();
        List<OutboxRow> left = new ArrayList<>();
        List<Committed> held = new ArrayList<>();
        committed.drainTo(held);
        held.forEach(transaction -> left.addAll(transaction.rows()));
        handToPoll(left)
                .doOnError(error -> log.warn("Could not hand {} event(s) to the poll at shutdown", left.size(), error))
                .doFinally(signal -> callback.run())
                .subscribe(null, error -> {});
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * Publishes what the fast path holds, up to a batch. Rows whose lease is close to running out
     * (the fast path fell behind) go to the poll instead, so that no row is published by both.
     */
    private Mono<Void> publishCommitted() {
        List<Committed> taken = new ArrayList<>();
        int size = 0;
        for (Committed next; size < settings.batchSize() && (next = committed.poll()) != null; ) {
            taken.add(next);
            size += next.rows().size();
        }
        long freshSince = System.nanoTime()
                - settings.lease().minus(settings.confirmTimeout()).toNanos();
        List<OutboxRow> late = new ArrayList<>();
        List<OutboxRow> rows = new ArrayList<>();
        List<Instant> committedAt = new ArrayList<>();
        for (Committed transaction : taken) {
            if (transaction.writtenAt() - freshSince < 0) {
                late.addAll(transaction.rows());
            } else {
                rows.addAll(transaction.rows());
                transaction.rows().forEach(row -> committedAt.add(transaction.committedAt()));
            }
        }
        Mono<Void> published = rows.isEmpty()
                ? Mono.empty()
                : publisher
                        .publish(rows.stream().map(OutboxRow::publication).toList())
                        .flatMap(confirmed -> settle(rows, confirmed, committedAt, MARK_SENT_UNFLUSHED))
                        .onErrorResume(error -> {
                            log.warn(
                                    "Fast path could not publish {} event(s), the poll takes them: {}",
                                    rows.size(),
                                    error.toString());
                            return handToPoll(rows);
                        });
        return handToPoll(late).then(published).onErrorResume(error -> {
            // Their leases run out, and then the poll takes them.
            log.warn("Could not hand events to the poll: {}", error.toString());
            return Mono.empty();
        });
    }

    /** Marks the confirmed rows sent with {@code markSent} and postpones the others; lag counts from {@code since}. */
    private Mono<Void> settle(List<OutboxRow> rows, List<Boolean> confirmed, List<Instant> since, String markSent) {
        List<Long> sent = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < rows.size(); i++) {
            if (confirmed.get(i)) {
                sent.add(rows.get(i).id());
                lag.record(Duration.between(since.get(i), now));
            } else {
                refused.add(rows.get(i).id());
            }
        }
        if (!refused.isEmpty()) {
            log.warn(
                    "{} event(s) not confirmed or returned unroutable; each will be tried again later", refused.size());
        }
        return update(markSent, sent).then(postpone(refused));
    }

    private Mono<Void> handToPoll(List<OutboxRow> rows) {
        return update(HAND_TO_POLL, rows.stream().map(OutboxRow::id).toList());
    }

    private Mono<Void> update(String sql, List<Long> ids) {
        return ids.isEmpty()
                ? Mono.empty()
                : db.sql(sql).bind("ids", ids.toArray(Long[]::new)).then();
    }

    private Mono<Integer> publishBatch() {
        return transaction.transactional(db.sql(CLAIM)
                .bind("limit", settings.batchSize())
                .map(OutboxRelay::claimed)
                .all()
                .collectList()
                .flatMap(this::publishAndMark));
    }

    /**
     * Publishes the claimed rows and answers how many were claimed. Rows the broker refused or
     * returned are postponed with a backoff of their own, so one unroutable event does not slow
     * the others; a failure of the whole batch (broker unreachable) rolls back and is retried.
     */
    private Mono<Integer> publishAndMark(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return Mono.just(0);
        }
        List<OutboxRow> rows = claimed.stream().map(Claimed::row).toList();
        return publisher
                .publish(rows.stream().map(OutboxRow::publication).toList())
                .flatMap(confirmed -> settle(
                        rows,
                        confirmed,
                        claimed.stream().map(Claimed::createdAt).toList(),
                        MARK_SENT))
                .thenReturn(claimed.size());
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

    private static Claimed claimed(Readable r) {
        return new Claimed(
                new OutboxRow(
                        r.get("id", Long.class),
                        r.get("event_id", UUID.class),
                        r.get("exchange", String.class),
                        r.get("type", String.class),
                        r.get("schema_version", Integer.class),
                        r.get("order_id", UUID.class),
                        r.get("causation_id", UUID.class),
                        r.get("traceparent", String.class),
                        r.get("occurred_at", Instant.class),
                        r.get("body", String.class)),
                r.get("created_at", Instant.class));
    }

    /** A row the poll claimed; its lag is counted from its insert, the nearest it knows to its commit. */
    private record Claimed(OutboxRow row, Instant createdAt) {}

    /** The events of one committed transaction, waiting for the fast path. */
    private record Committed(List<OutboxRow> rows, Instant committedAt, long writtenAt) {}
}
