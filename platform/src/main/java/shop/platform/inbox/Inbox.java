package shop.platform.inbox;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Remembers which events each consumer has handled. Recording an event in the same transaction
 * as its effect makes a redelivered or duplicated message harmless: the second insert finds the
 * row (waiting for a concurrent first one to commit or roll back) and changes nothing.
 */
public class Inbox {

    private static final String RECORD =
            "INSERT INTO platform.inbox (consumer, event_id) VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING";

    private final DatabaseClient db;

    public Inbox(DatabaseClient db) {
        this.db = db;
    }

    /** Records the event as handled by the consumer; true if it was not handled before. */
    public Mono<Boolean> recordFirst(String consumer, UUID eventId) {
        return db.sql(RECORD)
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }
}
