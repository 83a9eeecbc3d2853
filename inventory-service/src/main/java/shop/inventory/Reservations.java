package shop.inventory;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationLine;
import shop.inventory.domain.ReservationStatus;

/** The reservations table and their lines. */
@Repository
class Reservations {

    private final DatabaseClient db;

    Reservations(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> exists(UUID orderId) {
        return db.sql("SELECT 1 FROM reservation WHERE order_id = :orderId")
                .bind("orderId", orderId)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /** How many reservations still hold their units longer than {@code age} after they were made. */
    Mono<Long> countHeldLongerThan(Duration age) {
        return db.sql("SELECT count(*) AS held FROM reservation WHERE status = 'RESERVED'"
                        + " AND created_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", age.toMillis() / 1000.0)
                .map(row -> row.get("held", Long.class))
                .one();
    }

    /** Loads an order's reservation and locks it until the transaction ends, so its moves happen one at a time. */
    Mono<Reservation> lock(UUID orderId) {
        return db.sql("SELECT customer_id, status, failure_reason, detail, total FROM reservation"
                        + " WHERE order_id = :orderId FOR UPDATE")
                .bind("orderId", orderId)
                .map(row -> new Header(
                        row.get("customer_id", String.class),
                        ReservationStatus.valueOf(row.get("status", String.class)),
                        row.get("failure_reason", String.class),
                        row.get("detail", String.class),
                        row.get("total", BigDecimal.class)))
                .one()
                .flatMap(header -> lines(orderId)
                        .collectList()
                        .map(lines -> new Reservation(
                                orderId,
                                header.customerId(),
                                header.status(),
                                header.failureReason(),
                                header.detail(),
                                header.total(),
                                lines)));
    }

    /** Adds a new reservation; a second one for the same order fails on the primary key. */
    Mono<Void> insert(Reservation reservation) {
        var insert = db.sql("INSERT INTO reservation (order_id, customer_id, status, failure_reason, detail, total)"
                        + " VALUES (:orderId, :customerId, :status, :failureReason, :detail, :total)")
                .bind("orderId", reservation.orderId())
                .bind("customerId", reservation.customerId())
                .bind("status", reservation.status().name());
        insert = bindNullable(insert, "failureReason", reservation.failureReason(), String.class);
        insert = bindNullable(insert, "detail", reservation.detail(), String.class);
        insert = bindNullable(insert, "total", reservation.total(), BigDecimal.class);
        return insert.then()
                .thenMany(Flux.fromIterable(reservation.lines()).concatMap(line -> insertLine(reservation, line)))
                .then();
    }

    Mono<Void> updateStatus(Reservation reservation) {
        var update = db.sql("UPDATE reservation SET status = :status, failure_reason = :failureReason,"
                        + " updated_at = now() WHERE order_id = :orderId")
                .bind("orderId", reservation.orderId())
                .bind("status", reservation.status().name());
        return bindNullable(update, "failureReason", reservation.failureReason(), String.class)
                .then();
    }

    private Mono<Void> insertLine(Reservation reservation, ReservationLine line) {
        var insert = db.sql("INSERT INTO reservation_line (order_id, sku, quantity, unit_price)"
                        + " VALUES (:orderId, :sku, :quantity, :unitPrice)")
                .bind("orderId", reservation.orderId())
                .bind("sku", line.sku())
                .bind("quantity", line.quantity());
        return bindNullable(insert, "unitPrice", line.unitPrice(), BigDecimal.class)
                .then();
    }

    private Flux<ReservationLine> lines(UUID orderId) {
        return db.sql("SELECT sku, quantity, unit_price FROM reservation_line WHERE order_id = :orderId ORDER BY sku")
                .bind("orderId", orderId)
                .map(Reservations::line)
                .all();
    }

    private static ReservationLine line(Readable row) {
        return new ReservationLine(
                row.get("sku", String.class), row.get("quantity", Long.class), row.get("unit_price", BigDecimal.class));
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private record Header(
            String customerId, ReservationStatus status, String failureReason, String detail, BigDecimal total) {}
}
