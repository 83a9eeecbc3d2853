package shop.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.Message;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import shop.platform.testing.Contracts;
import shop.platform.testing.TestBroker;
import shop.platform.testing.TestInfrastructure;
import shop.platform.testing.TestInfrastructure.Database;
import tools.jackson.databind.JsonNode;

/**
 * The service against real PostgreSQL and RabbitMQ, started once for the class. In the test vhost
 * nobody consumes the shipping.events queues, so the events it publishes wait there; each test
 * tells its own apart by order id.
 */
class ShippingIT {

    static final String SCHEDULED_QUEUE = "shipping.events.order-service";
    static final String FAILED_QUEUE = "shipping.events.payment-service";
    static final String DLQ = "payment.events.shipping-service.dlq";

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static TestBroker broker;
    static Database database;
    static WebTestClient http;

    @BeforeAll
    static void start() {
        ConfigurableApplicationContext app =
                infra.start(ShippingServiceApplication.class, infra.serviceProperties("shipping"));
        broker = new TestBroker(infra);
        database = infra.database("shipping");
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .build();
    }

    @Test
    void aPaidOrderToAShippedCountryIsScheduledAndAnnounced() {
        UUID orderId = UUID.randomUUID();
        UUID eventId = publishPaymentCompleted(orderId, "GB");

        Message message = awaitOneEvent(SCHEDULED_QUEUE, orderId);

        String trackingNumber = "TRK-" + orderId.toString().replace("-", "").toUpperCase();
        JsonNode body = TestBroker.body(message);
        assertThat(body.get("type").stringValue()).isEqualTo("ShipmentScheduled");
        assertThat(body.get("orderId").stringValue()).isEqualTo(orderId.toString());
        assertThat(body.get("causationId").stringValue()).isEqualTo(eventId.toString());
        assertThat(body.get("trackingNumber").stringValue()).isEqualTo(trackingNumber);
        assertThat(body.get("country").stringValue()).isEqualTo("GB");
        var properties = message.getMessageProperties();
        assertThat(properties.getType()).isEqualTo("ShipmentScheduled");
        assertThat(properties.getMessageId()).isEqualTo(body.get("eventId").stringValue());
        assertThat(properties.<String>getHeader("causationId")).isEqualTo(eventId.toString());
        assertThat(row(orderId)).isEqualTo("SCHEDULED GB " + trackingNumber + " null");
    }

    @Test
    void aPaidOrderToAntarcticaFailsAndAnnouncesIt() {
        UUID orderId = UUID.randomUUID();
        UUID eventId = publishPaymentCompleted(orderId, "AQ");

        Message message = awaitOneEvent(FAILED_QUEUE, orderId);

        JsonNode body = TestBroker.body(message);
        assertThat(body.get("type").stringValue()).isEqualTo("ShipmentFailed");
        assertThat(body.get("orderId").stringValue()).isEqualTo(orderId.toString());
        assertThat(body.get("causationId").stringValue()).isEqualTo(eventId.toString());
        assertThat(body.get("failureReason").stringValue()).isEqualTo("SHIPPING_UNAVAILABLE");
        assertThat(body.get("country").stringValue()).isEqualTo("AQ");
        assertThat(body.has("trackingNumber")).isFalse();
        assertThat(row(orderId)).isEqualTo("FAILED AQ null SHIPPING_UNAVAILABLE");
    }

    @Test
    void aCancellationTakesAScheduledShipmentOffTheScheduleAndAnswersPayment() {
        UUID orderId = UUID.randomUUID();
        publishPaymentCompleted(orderId, "FR");
        String trackingNumber = TestBroker.body(awaitOneEvent(SCHEDULED_QUEUE, orderId))
                .get("trackingNumber")
                .stringValue();

        UUID requested = publishCancellationRequested(orderId);

        JsonNode cancelled = TestBroker.body(awaitOneEvent(FAILED_QUEUE, orderId));
        assertThat(cancelled.get("type").stringValue()).isEqualTo("ShipmentCancelled");
        assertThat(cancelled.get("causationId").stringValue()).isEqualTo(requested.toString());
        assertThat(cancelled.get("customerId").stringValue()).isEqualTo("customer-ada");
        assertThat(cancelled.get("failureReason").stringValue()).isEqualTo("CUSTOMER_CANCELLED");
        assertThat(cancelled.get("trackingNumber").stringValue()).isEqualTo(trackingNumber);
        assertThat(row(orderId)).isEqualTo("CANCELLED FR " + trackingNumber + " CUSTOMER_CANCELLED");
    }

    @Test
    void aCancellationBeforeThePaymentLeavesATombstoneSoTheLatePaymentShipsNothing() {
        UUID orderId = UUID.randomUUID();

        publishCancellationRequested(orderId);
        JsonNode cancelled = TestBroker.body(awaitOneEvent(FAILED_QUEUE, orderId));
        assertThat(cancelled.get("type").stringValue()).isEqualTo("ShipmentCancelled");
        assertThat(cancelled.get("trackingNumber").isNull()).isTrue();

        UUID late = publishPaymentCompleted(orderId, "FR");
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        database.count("SELECT count(*) FROM platform.inbox WHERE event_id = '" + late + "'") == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> database.count("SELECT count(*) FROM platform.outbox WHERE sent_at IS NULL") == 0);
        assertThat(row(orderId)).isEqualTo("CANCELLED null null CUSTOMER_CANCELLED");
        assertThat(broker.received(SCHEDULED_QUEUE).stream()
                        .filter(message -> orderId.toString()
                                .equals(TestBroker.body(message).get("orderId").stringValue())))
                .isEmpty();
    }

    @Test
    void aDuplicatedOrRepeatedPaymentCompletedMakesOneShipmentAndOneEvent() {
        UUID orderId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String body = paymentCompleted(eventId, orderId, "FR");
        publish(eventId, body);
        publish(eventId, body);
        UUID repeatId = publishPaymentCompleted(orderId, "FR");

        await().atMost(Duration.ofSeconds(15))
                .until(() -> database.count("SELECT count(*) FROM platform.inbox WHERE event_id IN ('" + eventId
                                + "', '" + repeatId + "')")
                        == 2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> database.count("SELECT count(*) FROM platform.outbox WHERE sent_at IS NULL") == 0);

        assertThat(database.count("SELECT count(*) FROM shipment WHERE order_id = '" + orderId + "'"))
                .isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM platform.outbox WHERE order_id = '" + orderId + "'"))
                .isEqualTo(1);
        List<Message> events = awaitEvents(SCHEDULED_QUEUE, orderId, 1);
        // Messages are handled concurrently: either PaymentCompleted may be the one that counts.
        assertThat(TestBroker.body(events.get(0)).get("causationId").stringValue())
                .isIn(eventId.toString(), repeatId.toString());
    }

    @Test
    void theShipmentOfAnOrderCanBeRead() {
        UUID orderId = UUID.randomUUID();
        publishPaymentCompleted(orderId, "IE");
        await().atMost(Duration.ofSeconds(15)).until(() -> !row(orderId).isEmpty());

        http.get()
                .uri("/shipments/{orderId}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"orderId":"%s","status":"SCHEDULED","country":"IE",
                         "trackingNumber":"TRK-%s","failureReason":null}""".formatted(orderId, orderId.toString().replace("-", "").toUpperCase()));
    }

    @Test
    void anUnknownOrderIs404AndAnInvalidIdIs400() {
        UUID unknown = UUID.randomUUID();
        http.get()
                .uri("/shipments/{orderId}", unknown)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.detail")
                .isEqualTo("no shipment for order " + unknown);

        http.get()
                .uri("/shipments/not-a-uuid")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400);
    }

    @Test
    void aPaymentCompletedWithoutAddressIsDeadLetteredAndTheNextOneIsHandled() {
        UUID badOrder = UUID.randomUUID();
        UUID badEvent = UUID.randomUUID();
        String withAddress = paymentCompleted(badEvent, badOrder, "GB");
        String withoutAddress = withAddress.substring(0, withAddress.indexOf(",\n  \"shippingAddress\"")) + "\n}";
        publish(badEvent, withoutAddress);
        UUID goodOrder = UUID.randomUUID();
        publishPaymentCompleted(goodOrder, "DE");

        awaitOneEvent(SCHEDULED_QUEUE, goodOrder);
        Message deadLetter = awaitDeadLetter(badEvent);

        assertThat(deadLetter.getMessageProperties().<String>getHeader("x-exception-message"))
                .contains("shippingAddress is missing");
        assertThat(new String(deadLetter.getBody(), StandardCharsets.UTF_8)).isEqualTo(withoutAddress);
        assertThat(row(badOrder)).isEmpty();
        assertThat(database.count("SELECT count(*) FROM platform.inbox WHERE event_id = '" + badEvent + "'"))
                .isZero();
    }

    private static String paymentCompleted(UUID eventId, UUID orderId, String country) {
        return Contracts.json("payment.events", "PaymentCompleted", 1)
                .replace("4d5e6f7a-8b9c-4d0e-8f1a-3b4c5d6e7f10", eventId.toString())
                .replace("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f", orderId.toString())
                .replace("\"country\": \"GB\"", "\"country\": \"" + country + "\"");
    }

    private static UUID publishPaymentCompleted(UUID orderId, String country) {
        UUID eventId = UUID.randomUUID();
        publish(eventId, paymentCompleted(eventId, orderId, country));
        return eventId;
    }

    private static UUID publishCancellationRequested(UUID orderId) {
        UUID eventId = UUID.randomUUID();
        broker.publish(
                "order.events", TestBroker.example("order.events", "OrderCancellationRequested", eventId, orderId));
        return eventId;
    }

    /** As payment-service's relay publishes it: to its exchange, routing key = type, messageId = eventId. */
    private static void publish(UUID eventId, String body) {
        broker.publish("payment.events", "PaymentCompleted", eventId, body);
    }

    private static Message awaitOneEvent(String queue, UUID orderId) {
        return awaitEvents(queue, orderId, 1).get(0);
    }

    private static List<Message> awaitEvents(String queue, UUID orderId, int count) {
        List<Message> events = broker.awaitReceived(queue, orderId, count);
        assertThat(events).hasSize(count);
        return events;
    }

    private static Message awaitDeadLetter(UUID eventId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> deadLettersOf(eventId).size() == 1);
        return deadLettersOf(eventId).get(0);
    }

    private static List<Message> deadLettersOf(UUID eventId) {
        return broker.received(DLQ).stream()
                .filter(message ->
                        eventId.toString().equals(message.getMessageProperties().getMessageId()))
                .toList();
    }

    /** The shipment row as "status country trackingNumber failureReason", or "" if there is none. */
    private static String row(UUID orderId) {
        return database.query(connection -> {
            try (var rows = connection
                    .createStatement()
                    .executeQuery("SELECT status, country, tracking_number, failure_reason FROM shipment"
                            + " WHERE order_id = '" + orderId + "'")) {
                return rows.next()
                        ? rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                                + rows.getString(4)
                        : "";
            }
        });
    }
}
