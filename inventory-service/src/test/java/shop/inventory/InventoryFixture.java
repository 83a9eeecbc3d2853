package shop.inventory;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import shop.platform.testing.TestBroker;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs inventory-service on a test run's infrastructure and plays the rest of the saga around
 * it: publishes the events it consumes (built from the contract examples) and collects the
 * events it publishes from the queues of their consumers.
 */
final class InventoryFixture {

    /** Where InventoryReserved lands (payment-service's queue; nobody consumes it in a test). */
    static final String TO_PAYMENT = "inventory.events.payment-service";
    /** Where InventoryRejected and InventoryReleased land (order-service's queue). */
    static final String TO_ORDER = "inventory.events.order-service";

    private static final JsonMapper json = JsonMapper.shared();

    private final TestInfrastructure infra;
    private final TestBroker broker;
    /** Every event read so far from any queue, in the order it was read. */
    private final List<Received> read = new ArrayList<>();

    private final Map<String, Integer> readPerQueue = new HashMap<>();

    private ConfigurableApplicationContext app;

    InventoryFixture(TestInfrastructure infra) {
        this.infra = infra;
        this.broker = new TestBroker(infra);
    }

    InventoryFixture start() {
        app = infra.start(InventoryServiceApplication.class, infra.serviceProperties("inventory"));
        return this;
    }

    ConfigurableApplicationContext app() {
        return app;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).build();
    }

    TestInfrastructure.Database database() {
        return infra.database("inventory");
    }

    /** A product of its own for a test: a fresh sku with this prefix, listed straight in the table. */
    String product(String prefix, String price, int available) {
        String sku =
                prefix + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        database().query(connection -> {
            try (var insert = connection.prepareStatement(
                    "INSERT INTO product (sku, name, price, available, reserved) VALUES (?, ?, ?, ?, 0)")) {
                insert.setString(1, sku);
                insert.setString(2, "Product " + sku);
                insert.setBigDecimal(3, new BigDecimal(price));
                insert.setInt(4, available);
                return insert.executeUpdate();
            }
        });
        return sku;
    }

    /** Available and reserved units of a product. */
    Stock stock(String sku) {
        return database().query(connection -> {
            try (var select = connection.prepareStatement("SELECT available, reserved FROM product WHERE sku = ?")) {
                select.setString(1, sku);
                try (var rows = select.executeQuery()) {
                    rows.next();
                    return new Stock(rows.getInt(1), rows.getInt(2));
                }
            }
        });
    }

    Optional<String> reservationStatus(UUID orderId) {
        return database().query(connection -> {
            try (var select = connection.prepareStatement("SELECT status FROM reservation WHERE order_id = ?")) {
                select.setObject(1, orderId);
                try (var rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** How many messages the service's consumers acknowledged with this outcome (handled, duplicate...). */
    double acknowledged(String outcome) {
        var counter = app.getBean(MeterRegistry.class)
                .find("shop.consumer.messages")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    long count(String sql) {
        return database().count(sql);
    }

    /** An OrderPlaced like the contract's example, for this order and these sku/quantity pairs. */
    static String orderPlaced(UUID eventId, UUID orderId, Object... skuAndQuantity) {
        ObjectNode body = TestBroker.example("order.events", "OrderPlaced", eventId, orderId);
        var items = body.putArray("items");
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            items.addObject().put("sku", (String) skuAndQuantity[i]).put("quantity", (Integer) skuAndQuantity[i + 1]);
        }
        return json.writeValueAsString(body);
    }

    UUID placeOrder(UUID orderId, Object... skuAndQuantity) {
        UUID eventId = UUID.randomUUID();
        publish("order.events", "OrderPlaced", eventId, orderPlaced(eventId, orderId, skuAndQuantity));
        return eventId;
    }

    UUID confirmOrder(UUID orderId) {
        UUID eventId = UUID.randomUUID();
        broker.publish("order.events", TestBroker.example("order.events", "OrderConfirmed", eventId, orderId));
        return eventId;
    }

    UUID declinePayment(UUID orderId) {
        UUID eventId = UUID.randomUUID();
        broker.publish("payment.events", TestBroker.example("payment.events", "PaymentDeclined", eventId, orderId));
        return eventId;
    }

    UUID refundPayment(UUID orderId) {
        UUID eventId = UUID.randomUUID();
        broker.publish("payment.events", TestBroker.example("payment.events", "PaymentRefunded", eventId, orderId));
        return eventId;
    }

    UUID cancelPayment(UUID orderId) {
        UUID eventId = UUID.randomUUID();
        broker.publish("payment.events", TestBroker.example("payment.events", "PaymentCancelled", eventId, orderId));
        return eventId;
    }

    /** Publishes a body as its producer's relay would: message id = event id, type, JSON, routing key = type. */
    void publish(String exchange, String type, UUID eventId, String body) {
        broker.publish(exchange, type, eventId, body);
    }

    /** Waits for the event of this type inventory published about the order, and returns it. */
    Received awaitEvent(String queue, UUID orderId, String type) {
        Received event = Received.of(queue, broker.awaitEvent(queue, orderId, type));
        readFrom(queue);
        return event;
    }

    /** Every event read so far about the order, from any queue, after reading these. */
    List<Received> eventsAbout(UUID orderId, String... queues) {
        synchronized (read) {
            for (String queue : queues) {
                readFrom(queue);
            }
            return read.stream()
                    .filter(event -> event.field("orderId").equals(orderId.toString()))
                    .toList();
        }
    }

    private void readFrom(String queue) {
        synchronized (read) {
            List<Message> all = broker.received(queue);
            int before = readPerQueue.getOrDefault(queue, 0);
            all.subList(before, all.size()).forEach(message -> read.add(Received.of(queue, message)));
            readPerQueue.put(queue, all.size());
        }
    }

    /** Waits until the outbox has sent everything, so that every event is in its queue. */
    void awaitOutboxSent() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM platform.outbox WHERE sent_at IS NULL") == 0);
    }

    record Stock(int available, int reserved) {}

    /** An event inventory published, with the queue it was read from. */
    record Received(String queue, MessageProperties properties, JsonNode body) {

        static Received of(String queue, Message message) {
            return new Received(queue, message.getMessageProperties(), TestBroker.body(message));
        }

        String type() {
            return body.get("type").stringValue();
        }

        String field(String name) {
            return body.get(name).asString();
        }
    }
}
