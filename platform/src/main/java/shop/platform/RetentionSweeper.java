package shop.platform;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** Deletes sent outbox rows and old inbox records once their retention period has passed. */
public class RetentionSweeper extends BackgroundWork {

    // Bounded deletes keep each transaction short however much has piled up.
    private static final String SWEEP_OUTBOX = """
            DELETE FROM platform.outbox WHERE id IN (
                SELECT id FROM platform.outbox WHERE sent_at < :before LIMIT 5000)
            """;
    private static final String SWEEP_INBOX = """
            DELETE FROM platform.inbox WHERE (consumer, event_id) IN (
                SELECT consumer, event_id FROM platform.inbox WHERE handled_at < :before LIMIT 5000)
            """;

    private final DatabaseClient db;
    private final MessagingProperties.Retention retention;

    public RetentionSweeper(DatabaseClient db, MessagingProperties.Retention retention) {
        this.db = db;
        this.retention = retention;
    }

    public Mono<Long> sweep() {
        Instant now = Instant.now();
        return deleteAll(SWEEP_OUTBOX, now.minus(retention.outbox()))
                .zipWith(deleteAll(SWEEP_INBOX, now.minus(retention.inbox())), Long::sum);
    }

    private Mono<Long> deleteAll(String sql, Instant before) {
        return db.sql(sql)
                .bind("before", before)
                .fetch()
                .rowsUpdated()
                .expand(deleted -> deleted == 5000
                        ? db.sql(sql).bind("before", before).fetch().rowsUpdated()
                        : Mono.empty())
                .reduce(0L, Long::sum);
    }

    @Override
    protected Disposable begin() {
        return every(retention.sweepInterval(), "Retention sweep", this::sweep);
    }
}
