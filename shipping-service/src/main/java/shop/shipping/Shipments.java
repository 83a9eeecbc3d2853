package shop.shipping;

import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import shop.shipping.domain.CountryCode;
import shop.shipping.domain.FailureReason;
import shop.shipping.domain.Shipment;
import shop.shipping.domain.ShipmentStatus;

class Shipments {

    private static final String FIND = """
            SELECT order_id, status, country, tracking_number, failure_reason
            FROM shipment WHERE order_id = :orderId
            """;
    // A concurrent handler of another event for the same order may insert first: then this one
    // inserts nothing, and its caller publishes nothing.
    private static final String INSERT = """
            INSERT INTO shipment (order_id, status, country, tracking_number, failure_reason)
            VALUES (:orderId, :status, :country, :trackingNumber, :failureReason)
            ON CONFLICT (order_id) DO NOTHING
            """;

    private static final String UPDATE = """
            UPDATE shipment SET status = :status, failure_reason = :failureReason, updated_at = clock_timestamp()
            WHERE order_id = :orderId
            """;

    private final DatabaseClient db;

    Shipments(DatabaseClient db) {
        this.db = db;
    }

    Mono<Shipment> find(UUID orderId) {
        return db.sql(FIND).bind("orderId", orderId).map(Shipments::shipment).one();
    }

    /** The order's shipment, locked until the transaction ends, so that it changes once at a time. */
    Mono<Shipment> lock(UUID orderId) {
        return db.sql(FIND + " FOR UPDATE")
                .bind("orderId", orderId)
                .map(Shipments::shipment)
                .one();
    }

    Mono<Void> update(Shipment shipment) {
        return db.sql(UPDATE)
                .bind("orderId", shipment.orderId())
                .bind("status", shipment.status().name())
                .bind("failureReason", shipment.failureReason().name())
                .then();
    }

    /** True if the shipment was stored, false if the order already had one. */
    Mono<Boolean> insert(Shipment shipment) {
        var spec = db.sql(INSERT)
                .bind("orderId", shipment.orderId())
                .bind("status", shipment.status().name());
        spec = shipment.country() == null
                ? spec.bindNull("country", String.class)
                : spec.bind("country", shipment.country().value());
        spec = shipment.trackingNumber() == null
                ? spec.bindNull("trackingNumber", String.class)
                : spec.bind("trackingNumber", shipment.trackingNumber());
        spec = shipment.failureReason() == null
                ? spec.bindNull("failureReason", String.class)
                : spec.bind("failureReason", shipment.failureReason().name());
        return spec.fetch().rowsUpdated().map(inserted -> inserted == 1);
    }

    private static Shipment shipment(Readable row) {
        String failureReason = row.get("failure_reason", String.class);
        String country = row.get("country", String.class);
        return new Shipment(
                row.get("order_id", UUID.class),
                ShipmentStatus.valueOf(row.get("status", String.class)),
                country == null ? null : CountryCode.of(country),
                row.get("tracking_number", String.class),
                failureReason == null ? null : FailureReason.valueOf(failureReason));
    }
}
