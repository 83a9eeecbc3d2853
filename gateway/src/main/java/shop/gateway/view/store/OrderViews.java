package shop.gateway.view.store;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.gateway.view.domain.OrderView;
import shop.gateway.view.domain.PublicStatus;
import shop.gateway.view.domain.SagaEvent;
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
     * Locks the rows of these orders for the rest of the transaction, in order id order (the same
     * order in every lane and binding, so two batches never deadlock), creating the missing ones
     * as PENDING. The rows usually exist (the gateway records an order when it accepts it), so
     * they are locked first and inserted only when missing: one statement on the common path.
     */
    Mono<Map<UUID, OrderView>> lockAll(Collection<UUID> orderIds, Instant now) {
        return selectForUpdate(orderIds).flatMap(found -> {
            List<UUID> missing = orderIds.stream()
                    .filter(id -> !found.containsKey(id))
                    .sorted()
                    .toList();
            if (missing.isEmpty()) {
                return Mono.just(found);
            }
            return db.sql("""
                            INSERT INTO order_view (order_id, status, items, version, updated_at)
                            SELECT id, :status, '[]', 1, :updatedAt FROM unnest(CAST(:orderIds AS uuid[])) AS id
                            ORDER BY id
                            ON CONFLICT (order_id) DO NOTHING
                            """)
                    .bind("status", PublicStatus.PENDING.name())
                    .bind("updatedAt", now)
                    .bind("orderIds", missing.toArray(UUID[]::new))
                    .fetch()
                    .rowsUpdated()
                    .then(selectForUpdate(missing))
                    .map(created -> {
                        Map<UUID, OrderView> all = new HashMap<>(found);
                        all.putAll(created);
                        return all;
                    });
        });
    }

    private Mono<Map<UUID, OrderView>> selectForUpdate(Collection<UUID> orderIds) {
        return db.sql(
                        "SELECT * FROM order_view WHERE order_id = ANY(CAST(:orderIds AS uuid[])) ORDER BY order_id FOR UPDATE")
                .bind("orderIds", orderIds.toArray(UUID[]::new))
                .map(this::view)
                .all()
                .collectMap(OrderView::orderId);
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

    /**
     * Writes the new state of these orders in one statement. The ids are given again as an array
     * so that the plan finds the rows by key: the planner cannot see how many rows the JSON holds,
     * and would otherwise scan the whole table.
     */
    Mono<Void> updateAll(Collection<OrderView> changed) {
        List<Map<String, Object>> rows = new ArrayList<>(changed.size());
        for (OrderView view : changed) {
            Map<String, Object> row = new HashMap<>();
            row.put("order_id", view.orderId());
            row.put("customer_id", view.customerId());
            row.put("status", view.status().name());
            row.put("failure_reason", view.failureReason());
            row.put("total", view.total());
            row.put("items", view.items());
            row.put("version", view.version());
            row.put("updated_at", view.updatedAt().toString());
            rows.add(row);
        }
        return db.sql("""
                        UPDATE order_view AS v
                        SET customer_id = c.customer_id, status = c.status, failure_reason = c.failure_reason,
                            total = c.total, items = c.items, version = c.version, updated_at = c.updated_at
                        FROM jsonb_to_recordset(CAST(:changes AS jsonb)) AS c(
                            order_id uuid, customer_id text, status text, failure_reason text, total numeric,
                            items jsonb, version bigint, updated_at timestamptz)
                        WHERE v.order_id = ANY(CAST(:orderIds AS uuid[])) AND v.order_id = c.order_id
                        """)
                .bind("changes", json.writeValueAsString(rows))
                .bind("orderIds", changed.stream().map(OrderView::orderId).toArray(UUID[]::new))
                .then();
    }

    /**
     * Adds the events to their orders' timelines in one statement; answers the ids of those that
     * were not there yet. The timeline's key makes it the view's duplicate check.
     */
    Mono<Set<UUID>> addToTimeline(List<SagaEvent> events) {
        int size = events.size();
        UUID[] orderIds = new UUID[size];
        UUID[] eventIds = new UUID[size];
        String[] types = new String[size];
        String[] services = new String[size];
        String[] occurredAt = new String[size];
        for (int i = 0; i < size; i++) {
            SagaEvent event = events.get(i);
            orderIds[i] = event.orderId();
            eventIds[i] = event.eventId();
            types[i] = event.type();
            services[i] = event.service();
            occurredAt[i] = event.occurredAt().toString();
        }
        return db.sql("""
                        INSERT INTO order_timeline (order_id, event_id, type, service, occurred_at)
                        SELECT * FROM unnest(CAST(:orderIds AS uuid[]), CAST(:eventIds AS uuid[]),
                            CAST(:types AS text[]), CAST(:services AS text[]), CAST(:occurredAt AS timestamptz[]))
                        ON CONFLICT DO NOTHING
                        RETURNING event_id
                        """)
                .bind("orderIds", orderIds)
                .bind("eventIds", eventIds)
                .bind("types", types)
                .bind("services", services)
                .bind("occurredAt", occurredAt)
                .map(row -> row.get("event_id", UUID.class))
                .all()
                .collect(Collectors.toSet());
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
