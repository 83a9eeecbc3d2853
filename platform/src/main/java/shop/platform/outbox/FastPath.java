package shop.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import shop.platform.MessagingProperties;
import shop.platform.publish.ConfirmedPublisher;

/**
 * The relay's fast path: the events of transactions that just committed, from memory, published
 * with confirms and marked sent in one unflushed statement, with no read of the outbox and no
 * connection or row lock held while the broker confirms. Its queue is bounded; what it cannot
 * take or publish (queue full, broker refused or unreachable, lease nearly out, relay stopped)
 * it hands to the poll.
 */
final class FastPath {

    private static final Logger log = LoggerFactory.getLogger(FastPath.class);

    private final ConfirmedPublisher publisher;
    private final RelayedRows rows;
    private final MessagingProperties.Relay settings;
    private final BooleanSupplier relayRunning;
    private final BlockingQueue<Committed> committed;
    // Work signals: the fast path runs while this is above zero, one run at a time.
    private final AtomicInteger signals = new AtomicInteger();
    private volatile Disposable run = Disposables.disposed();

    FastPath(
            ConfirmedPublisher publisher,
            RelayedRows rows,
            MessagingProperties.Relay settings,
            BooleanSupplier relayRunning) {
        this.publisher = publisher;
        this.rows = rows;
        this.settings = settings;
        this.relayRunning = relayRunning;
        this.committed = new ArrayBlockingQueue<>(settings.fastPathCapacity());
    }

    /** Takes a committed transaction's events; {@code writtenAt} ({@link System#nanoTime()}) started their lease. */
    void take(List<OutboxRow> written, Instant committedAt, long writtenAt) {
        if (relayRunning.getAsBoolean() && committed.offer(new Committed(written, committedAt, writtenAt))) {
            if (signals.getAndIncrement() == 0) {
                runUntilEmpty();
            }
        } else {
            rows.handToPoll(written).subscribe(null, error -> log.warn("Could not hand events to the poll", error));
        }
    }

    /** Forgets the signals of an earlier run of the relay. */
    void reset() {
        signals.set(0);
    }

    /** Stops publishing; what is queued stays there, leased, as after a crash. */
    void halt() {
        run.dispose();
    }

    /** Hands what is still queued to the poll of whichever relay runs next. */
    Mono<Void> handBack() {
        List<OutboxRow> left = new ArrayList<>();
        List<Committed> held = new ArrayList<>();
        committed.drainTo(held);
        held.forEach(transaction -> left.addAll(transaction.rows()));
        return rows.handToPoll(left)
                .doOnError(error -> log.warn("Could not hand {} event(s) to the poll at shutdown", left.size(), error));
    }

    /** Publishes until the queue is empty, then runs again if signals came meanwhile. */
    private void runUntilEmpty() {
        int seen = signals.get();
        run = Mono.defer(this::publishQueued)
                .repeat(() -> !committed.isEmpty() && relayRunning.getAsBoolean())
                .doFinally(signal -> {
                    if (signals.addAndGet(-seen) != 0 && relayRunning.getAsBoolean()) {
                        runUntilEmpty();
                    }
                })
                .subscribe(null, error -> log.error("Outbox relay's fast path failed", error));
    }

    /**
     * Publishes what is queued, up to a batch. Rows whose lease is close to running out (the fast
     * path fell behind) go to the poll instead, so that no row is published by both.
     */
    private Mono<Void> publishQueued() {
        List<Committed> taken = new ArrayList<>();
        int size = 0;
        for (Committed next; size < settings.batchSize() && (next = committed.poll()) != null; ) {
            taken.add(next);
            size += next.rows().size();
        }
        long freshSince = System.nanoTime()
                - settings.lease().minus(settings.confirmTimeout()).toNanos();
        List<OutboxRow> late = new ArrayList<>();
        List<OutboxRow> fresh = new ArrayList<>();
        List<Instant> committedAt = new ArrayList<>();
        for (Committed transaction : taken) {
            if (transaction.writtenAt() - freshSince < 0) {
                late.addAll(transaction.rows());
            } else {
                fresh.addAll(transaction.rows());
                transaction.rows().forEach(row -> committedAt.add(transaction.committedAt()));
            }
        }
        Mono<Void> published = fresh.isEmpty()
                ? Mono.empty()
                : publisher
                        .publish(fresh.stream().map(OutboxRow::publication).toList())
                        .flatMap(
                                confirmed -> rows.settle(fresh, confirmed, committedAt, RelayedRows.MarkSent.UNFLUSHED))
                        .onErrorResume(error -> {
                            log.warn(
                                    "Fast path could not publish {} event(s), the poll takes them: {}",
                                    fresh.size(),
                                    error.toString());
                            return rows.handToPoll(fresh);
                        });
        return rows.handToPoll(late).then(published).onErrorResume(error -> {
            // Their leases run out, and then the poll takes them.
            log.warn("Could not hand events to the poll: {}", error.toString());
            return Mono.empty();
        });
    }

    /** The events of one committed transaction, waiting to be published. */
    private record Committed(List<OutboxRow> rows, Instant committedAt, long writtenAt) {}
}
