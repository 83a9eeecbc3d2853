package shop.platform.outbox;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * <p>The {@link FastPath} takes the events of a transaction that just committed from memory.
 * Their rows were written leased to it (see {@link Outbox}), so the poll does not take them
 * meanwhile; what the fast path cannot publish it hands back to the poll.
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

    private final TransactionalOperator transaction;
    private final ConfirmedPublisher publisher;
    private final MessagingProperties.Relay settings;
    private final RelayedRows rows;
    private final FastPath fastPath;
    private final Retry retry;

    public OutboxRelay(
            DatabaseClient db,
            TransactionalOperator transaction,
            ConfirmedPublisher publisher,
            MessagingProperties.Relay settings,
            MeterRegistry meters) {
        this.transaction = transaction;
        this.publisher = publisher;
        this.settings = settings;
        this.rows = new RelayedRows(db, settings, meters);
        this.fastPath = new FastPath(publisher, rows, settings, this::isRunning);
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
    void publishCommitted(List<OutboxRow> written, Instant committedAt, long writtenAt) {
        if (!written.isEmpty()) {
            fastPath.take(written, committedAt, writtenAt);
        }
    }

    @Override
    protected Disposable begin() {
        fastPath.reset();
        Disposable poll = Flux.interval(settings.pollInterval())
                .onBackpressureLatest()
                .concatMap(tick -> drain().transformDeferred(RetryOperator.of(retry)), 1)
                .subscribe(null, error -> log.error("Outbox relay stopped", error));
        return Disposables.composite(poll, fastPath::halt);
    }

    /** Stops both paths; what the fast path still held goes to the poll of whichever relay runs next. */
    @Override
    public void stop(Runnable callback) {
        stop();
        fastPath.handBack().doFinally(signal -> callback.run()).subscribe(null, error -> {});
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Publishes everything due now; completes when the outbox has no due row left. */
    private Mono<Void> drain() {
        return publishBatch()
                .expand(published -> published == settings.batchSize() ? publishBatch() : Mono.empty())
                .then();
    }

    /**
     * Claims due rows, publishes them and marks them in one transaction; answers how many were
     * claimed. A failure of the whole batch (broker unreachable) rolls back and is retried.
     */
    private Mono<Integer> publishBatch() {
        return transaction.transactional(rows.claim().flatMap(claimed -> {
            if (claimed.isEmpty()) {
                return Mono.just(0);
            }
            List<OutboxRow> batch =
                    claimed.stream().map(RelayedRows.Claimed::row).toList();
            return publisher
                    .publish(batch.stream().map(OutboxRow::publication).toList())
                    .flatMap(confirmed -> rows.settle(
                            batch,
                            confirmed,
                            claimed.stream().map(RelayedRows.Claimed::createdAt).toList(),
                            RelayedRows.MarkSent.IN_CLAIMING_TRANSACTION))
                    .thenReturn(claimed.size());
        }));
    }
}
