package shop.payment;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import shop.payment.domain.Payment;
import shop.payment.domain.PaymentStatus;

/** The payments of orders, one row per order. */
@Component
class Payments {

    private static final String COLUMNS = "order_id, customer_id, amount, status, failure_reason";

    private final DatabaseClient db;

    Payments(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> exists(UUID orderId) {
        return db.sql("SELECT 1 FROM payments WHERE order_id = :orderId")
                .bind("orderId", orderId)
                .fetch()
                .first()
                .hasElement();
    }

    /** The order's payment, locked until the end of the transaction so that it changes once at a time. */
    Mono<Payment> lock(UUID orderId) {
        return db.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = :orderId FOR UPDATE")
                .bind("orderId", orderId)
                .map(row -> new Payment(
                        row.get("order_id", UUID.class),
                        row.get("customer_id", String.class),
                        row.get("amount", BigDecimal.class),
                        PaymentStatus.valueOf(row.get("status", String.class)),
                        row.get("failure_reason", String.class)))
                .one();
    }

    /**
     * Adds a new order's payment. Two charges of one order racing each other both get here; the
     * primary key makes the second fail, its transaction (debit included) rolls back, and its
     * retry finds the payment.
     */
    Mono<Void> insert(Payment payment) {
        return bindFailureReason(
                        db.sql("INSERT INTO payments (" + COLUMNS
                                        + ") VALUES (:orderId, :customerId, :amount, :status, :failureReason)")
                                .bind("orderId", payment.orderId())
                                .bind("customerId", payment.customerId())
                                .bind("amount", payment.amount())
                                .bind("status", payment.status().name()),
                        payment)
                .then();
    }

    Mono<Void> update(Payment payment) {
        return bindFailureReason(
                        db.sql("""
                                        UPDATE payments
                                        SET status = :status, failure_reason = :failureReason, updated_at = clock_timestamp()
                                        WHERE order_id = :orderId
                                        """)
                                .bind("orderId", payment.orderId())
                                .bind("status", payment.status().name()),
                        payment)
                .then();
    }

    private static DatabaseClient.GenericExecuteSpec bindFailureReason(
            DatabaseClient.GenericExecuteSpec spec, Payment payment) {
        return payment.failureReason() == null
                ? spec.bindNull("failureReason", String.class)
                : spec.bind("failureReason", payment.failureReason());
    }
}
