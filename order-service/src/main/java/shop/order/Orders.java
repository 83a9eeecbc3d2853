package shop.order;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.order.domain.Order;
import shop.order.domain.OrderLine;
import shop.order.domain.OrderStatus;
import shop.order.domain.ShippingAddress;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored orders. */
@Component
public class Orders {

    private static final String COLUMNS =
            "order_id, customer_id, status, failure_reason, items, shipping_address, created_at, updated_at";
    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {};

    private final DatabaseClient db;
    private final JsonMapper json;

    Orders(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<Order> find(UUID orderId) {
        return db.sql("SELECT " + COLUMNS + " FROM orders WHERE order_id = :orderId")
                .bind("orderId", orderId)
                .map(this::order)
                .one();
    }

    /** Reads an order and locks it until the end of the transaction, so its transitions apply one at a time. */
    Mono<Order> lock(UUID orderId) {
        return db.sql("SELECT " + COLUMNS + " FROM orders WHERE order_id = :orderId FOR UPDATE")
                .bind("orderId", orderId)
                .map(this::order)
                .one();
    }

    /**
     * Pending orders past their saga's deadline, locked until the transaction ends; rows another
     * transaction holds are skipped, so concurrent callers claim different orders.
     */
    Flux<Order> claimOverdue(int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM orders WHERE status = 'PENDING' AND deadline_at <= now()"
                        + " ORDER BY deadline_at LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("limit", limit)
                .map(this::order)
                .all();
    }

    /** Orders not final past their deadline, oldest first. */
    Flux<Overdue> overdue(int limit) {
        return db.sql("SELECT " + COLUMNS + ", deadline_at FROM orders"
                        + " WHERE status IN ('PENDING', 'CANCELLING') AND deadline_at <= now()"
                        + " ORDER BY deadline_at LIMIT :limit")
                .bind("limit", limit)
                .map(row -> new Overdue(order(row), row.get("deadline_at", Instant.class)))
                .all();
    }

    /** An order not final past its saga's deadline. */
    record Overdue(Order order, Instant deadline) {}

    /** How many orders are not final past their deadline. */
    Mono<Long> countOverdue() {
        return db.sql("SELECT count(*) AS overdue FROM orders"
                        + " WHERE status IN ('PENDING', 'CANCELLING') AND deadline_at <= now()")
                .map(row -> row.get("overdue", Long.class))
                .one();
    }

    /** Stores a new order whose saga must end by {@code deadline}. */
    Mono<Void> insert(Order order, Instant deadline) {
        return db.sql("INSERT INTO orders (" + COLUMNS + ", deadline_at) VALUES (:orderId, :customerId, :status,"
                        + " NULL, :items, :shippingAddress, :createdAt, :updatedAt, :deadline)")
                .bind("deadline", deadline)
                .bind("orderId", order.id())
                .bind("customerId", order.customerId())
                .bind("status", order.status().name())
                .bind("items", Json.of(json.writeValueAsString(order.lines())))
                .bind("shippingAddress", Json.of(json.writeValueAsString(order.shippingAddress())))
                .bind("createdAt", order.createdAt())
                .bind("updatedAt", order.updatedAt())
                .then();
    }

    /** Stores the outcome of a transition; lines and address never change. */
    Mono<Void> updateStatus(Order order) {
        var update = db.sql("UPDATE orders SET status = :status, failure_reason = :failureReason, "
                        + "updated_at = :updatedAt WHERE order_id = :orderId")
                .bind("orderId", order.id())
                .bind("status", order.status().name())
                .bind("updatedAt", order.updatedAt());
        update = order.failureReason() == null
                ? update.bindNull("failureReason", String.class)
                : update.bind("failureReason", order.failureReason());
        return update.fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? Mono.empty()
                        : Mono.error(new IllegalStateException("order " + order.id() + " vanished while locked")));
    }

    private Order order(Readable row) {
        return new Order(
                row.get("order_id", UUID.class),
                row.get("customer_id", String.class),
                json.readValue(row.get("items", Json.class).asString(), LINES),
                json.readValue(row.get("shipping_address", Json.class).asString(), ShippingAddress.class),
                OrderStatus.valueOf(row.get("status", String.class)),
                row.get("failure_reason", String.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
