package shop.gateway.view.store;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.gateway.view.OrderView;
import shop.gateway.view.PublicStatus;
import shop.gateway.view.SagaEvent;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The view's rows and timeline in the gateway's database. */
public class OrderViews {

    private static final TypeReference<List<SagaEvent.Line>> LINES = new TypeReference<>() {};

    private final DatabaseClient db;
    private final JsonMapper json;

    public OrderViews(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<OrderView> find(UUID orderId) {
        return db.sql("SELECT * FROM order_view WHERE order_id = :orderId")
                .bind("orderId", orderId)
                .map(this::view)
                .one();
    }

    /**
     * Locks the order's row for the rest of the transaction, creating it as PENDING if it is new.
     * The row usually exists (the gateway records an order when it accepts it), so it is locked
     * first and inserted only when missing: one statement instead of two on the common path.
     */
    Mono<OrderView> lock(UUID orderId, Instant now) {
        return selectForUpdate(orderId)
                .switchIfEmpty(Mono.defer(
                        () -> insertIfAbsent(OrderView.accepted(orderId, now)).then(selectForUpdate(orderId))));
    }

    private Mono<OrderView> selectForUpdate(UUID orderId) {
        return db.sql("SELECT * FROM order_view WHERE order_id = :orderId FOR UPDATE")
                .bind("orderId", orderId)
                .map(this::view)
                .one();
    }

    /** Records an order as PENDING unless the view has it already; true if it was new. */
    public Mono<Boolean> insertIfAbsent(OrderView view) {
        return db.sql("""
                        INSERT INTO order_view (order_id, status, items, version, updated_at)
                        VALUES (:orderId, :status, '[]', :version, :updatedAt)
                        ON CONFLICT (order_id) DO NOTHING
                        """)
                .bind("orderId", view.orderId())
                .bind("status", view.status().name())
                .bind("version", view.version())
                .bind("updatedAt", view.updatedAt())
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    Mono<Void> update(OrderView view) {
        var spec = db.sql("""
                        UPDATE order_view
                        SET customer_id = :customerId, status = :status, failure_reason = :failureReason,
                            total = :total, items = CAST(:items AS jsonb), version = :version, updated_at = :updatedAt
                        WHERE order_id = :orderId
                        """)
                .bind("orderId", view.orderId())
                .bind("status", view.status().name())
                .bind("items", json.writeValueAsString(view.items()))
                .bind("version", view.version())
                .bind("updatedAt", view.updatedAt());
        spec = view.customerId() == null
                ? spec.bindNull("customerId", String.class)
                : spec.bind("customerId", view.customerId());
        spec = view.failureReason() == null
                ? spec.bindNull("failureReason", String.class)
                : spec.bind("failureReason", view.failureReason());
        spec = view.total() == null ? spec.bindNull("total", BigDecimal.class) : spec.bind("total", view.total());
        return spec.then();
    }

    /** Adds the event to the order's timeline; false if it was there already. */
    Mono<Boolean> addToTimeline(SagaEvent event) {
        return db.sql("""
                        INSERT INTO order_timeline (order_id, event_id, type, service, occurred_at)
                        VALUES (:orderId, :eventId, :type, :service, :occurredAt)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("orderId", event.orderId())
                .bind("eventId", event.eventId())
                .bind("type", event.type())
                .bind("service", event.service())
                .bind("occurredAt", event.occurredAt())
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    public Flux<TimelineEntry> timeline(UUID orderId) {
        return db.sql(
                        "SELECT type, service, occurred_at FROM order_timeline WHERE order_id = :orderId ORDER BY occurred_at, type")
                .bind("orderId", orderId)
                .map(row -> new TimelineEntry(
                        row.get("type", String.class),
                        row.get("service", String.class),
                        row.get("occurred_at", Instant.class)))
                .all();
    }

    private OrderView view(Readable row) {
        return new OrderView(
                row.get("order_id", UUID.class),
                row.get("customer_id", String.class),
                PublicStatus.valueOf(row.get("status", String.class)),
                row.get("failure_reason", String.class),
                row.get("total", BigDecimal.class),
                json.readValue(row.get("items", String.class), LINES),
                row.get("version", Long.class),
                row.get("updated_at", Instant.class));
    }

    /** One saga step as the timeline shows it. */
    public record TimelineEntry(String type, String service, Instant at) {}
}
