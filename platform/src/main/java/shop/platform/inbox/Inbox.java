package shop.platform.inbox;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Remembers which events each consumer has handled. Recording an event in the same transaction
 * as its effect makes a redelivered or duplicated message harmless: the second insert finds the
 * row (waiting for a concurrent first one to commit or roll back) and changes nothing.
 */
public class Inbox {

    // One statement for a whole batch; RETURNING names the rows that were new.
    private static final String RECORD = """
            INSERT INTO platform.inbox (consumer, event_id)
            SELECT * FROM unnest(CAST(:consumers AS text[]), CAST(:eventIds AS uuid[]))
            ON CONFLICT DO NOTHING
            RETURNING event_id
            """;

    private final DatabaseClient db;

    public Inbox(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Records each event as handled by the consumer (its queue) it arrived at; answers those not
     * handled before. An event reaches a service through one queue only, so its id is the key.
     */
    public Mono<Set<UUID>> recordFirst(Map<UUID, String> consumerByEvent) {
        if (consumerByEvent.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql(RECORD)
                .bind("consumers", consumerByEvent.values().toArray(String[]::new))
                .bind("eventIds", consumerByEvent.keySet().toArray(UUID[]::new))
                .map(row -> row.get("event_id", UUID.class))
                .all()
                .collect(Collectors.toUnmodifiableSet());
    }
}
