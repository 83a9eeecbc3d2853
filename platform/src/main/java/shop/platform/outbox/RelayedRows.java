package shop.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import shop.platform.MessagingProperties;

/**
 * What the relay reads and writes in the outbox table: the poll's claims, and what became of each
 * publication (sent, postponed, or handed to the poll), with the lag of each confirmed event.
 */
final class RelayedRows {

    private static final Logger log = LoggerFactory.getLogger(RelayedRows.class);

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

    /** How a settled row's sent mark is committed. */
    enum MarkSent {
        /** In the poll's own transaction, which commits as every other does. */
        IN_CLAIMING_TRANSACTION,
        /** In a statement of its own, without waiting for the flush: the fast path's. */
        UNFLUSHED
    }

    private final DatabaseClient db;
    private final MessagingProperties.Relay settings;
    private final Timer lag;

    RelayedRows(DatabaseClient db, MessagingProperties.Relay settings, MeterRegistry meters) {
        this.db = db;
        this.settings = settings;
        this.lag = Timer.builder("shop.outbox.lag")
                .description("Time from an event's commit to the broker's confirm of its publication")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** Claims up to a batch of due rows, locked until the caller's transaction ends. */
    Mono<List<Claimed>> claim() {
        return db.sql(CLAIM)
                .bind("limit", settings.batchSize())
                .map(RelayedRows::claimed)
                .all()
                .collectList();
    }

    /**
     * Marks the confirmed rows sent and postpones the others, each with a backoff of its own so
     * that one unroutable event does not slow the rest; lag counts from {@code since}.
     */
    Mono<Void> settle(List<OutboxRow> rows, List<Boolean> confirmed, List<Instant> since, MarkSent markSent) {
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
        String markSentSql = markSent == MarkSent.UNFLUSHED ? MARK_SENT_UNFLUSHED : MARK_SENT;
        return update(markSentSql, sent).then(postpone(refused));
    }

    /** Makes rows due for the poll at once: the fast path gives them up. */
    Mono<Void> handToPoll(List<OutboxRow> rows) {
        return update(HAND_TO_POLL, rows.stream().map(OutboxRow::id).toList());
    }

    private Mono<Void> update(String sql, List<Long> ids) {
        return ids.isEmpty()
                ? Mono.empty()
                : db.sql(sql).bind("ids", ids.toArray(Long[]::new)).then();
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
    record Claimed(OutboxRow row, Instant createdAt) {}
}
