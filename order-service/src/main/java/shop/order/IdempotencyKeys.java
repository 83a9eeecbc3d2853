package shop.order;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The Idempotency-Key of each customer's requests, with the request's fingerprint and the order it made. */
@Component
class IdempotencyKeys {

    /** Deletes per statement, so that a sweep after a long pause keeps each transaction short. */
    static final int SWEEP_BATCH = 1000;

    private static final String CLAIM = """
            INSERT INTO idempotency_keys (customer_id, idempotency_key, request_hash, order_id)
            VALUES (:customerId, :key, :requestHash, :orderId)
            ON CONFLICT DO NOTHING
            """;
    private static final String SWEEP = """
            DELETE FROM idempotency_keys WHERE (customer_id, idempotency_key) IN (
                SELECT customer_id, idempotency_key FROM idempotency_keys WHERE created_at < :before LIMIT %d)
            """.formatted(SWEEP_BATCH);

    record StoredKey(String requestHash, UUID orderId) {}

    private final DatabaseClient db;

    IdempotencyKeys(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Records the key for a new order; false if the customer already used it. A concurrent
     * claim of the same key waits here until the other transaction ends.
     */
    Mono<Boolean> claim(String customerId, String key, String requestHash, UUID orderId) {
        return db.sql(CLAIM)
                .bind("customerId", customerId)
                .bind("key", key)
                .bind("requestHash", requestHash)
                .bind("orderId", orderId)
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    Mono<StoredKey> find(String customerId, String key) {
        return db.sql("SELECT request_hash, order_id FROM idempotency_keys "
                        + "WHERE customer_id = :customerId AND idempotency_key = :key")
                .bind("customerId", customerId)
                .bind("key", key)
                .map(row -> new StoredKey(row.get("request_hash", String.class), row.get("order_id", UUID.class)))
                .one();
    }

    /** Deletes up to {@link #SWEEP_BATCH} keys created before {@code before}; answers how many. */
    Mono<Long> deleteCreatedBefore(Instant before) {
        return db.sql(SWEEP).bind("before", before).fetch().rowsUpdated();
    }
}
