package shop.platform;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deletes sent outbox rows and old inbox records once their retention period has passed. */
public class RetentionSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

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
    private volatile Disposable running;

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
    public void start() {
        running = Flux.interval(retention.sweepInterval())
                .onBackpressureDrop()
                .concatMap(tick -> sweep().onErrorResume(error -> {
                    log.warn("Retention sweep failed, next try in {}: {}", retention.sweepInterval(), error.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        running = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
