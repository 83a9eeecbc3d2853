package shop.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import shop.gateway.GatewayApplication;
import shop.gateway.view.domain.SagaEvent;
import shop.gateway.view.store.ViewProjection;
import shop.platform.event.EventCodec;
import shop.platform.testing.Contracts;
import shop.platform.testing.TestBroker;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The view fed by real events through the broker, read over HTTP and as a live stream, with two
 * gateway instances sharing one view database (so a stream on one learns of changes the other
 * projected).
 */
class OrderViewIT {

    private static final JsonMapper json = new JsonMapper();
    private static final JsonMapper tolerantJson = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static final Set<String> ordersKnownToOrderService = ConcurrentHashMap.newKeySet();
    static DisposableServer orderService;
    static ConfigurableApplicationContext firstContext;
    static String first;
    static String second;
    static TestBroker broker;

    @BeforeAll
    static void start() {
        orderService = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/orders/{id}", (request, response) -> {
                    String id = request.param("id");
                    if (!ordersKnownToOrderService.contains(id)) {
                        return response.status(404).send();
                    }
                    return response.header("Content-Type", "application/json").sendString(Mono.just("""
                                    {"orderId":"%s","customerId":"ada","status":"PENDING","items":[{"sku":"BOOK-001","quantity":2}],
                                     "updatedAt":"2026-11-27T10:00:00.000Z"}""".formatted(id)));
                }))
                .bindNow();
        var properties = infra.serviceProperties("gateway");
        properties.put("shop.gateway.view.order-service", "http://127.0.0.1:" + orderService.port());
        firstContext = infra.start(GatewayApplication.class, properties);
        first = baseUrl(firstContext.getEnvironment().getProperty("local.server.port"));
        second = baseUrl(infra.start(GatewayApplication.class, properties)
                .getEnvironment()
                .getProperty("local.server.port"));
        broker = new TestBroker(infra);
    }

    @AfterAll
    static void stopOrderService() {
        orderService.disposeNow();
    }

    @Test
    void projectsASagaIntoStatusTotalItemsAndTimeline() {
        UUID orderId = UUID.randomUUID();
        for (String type : List.of(
                "OrderPlaced", "InventoryReserved", "PaymentCompleted", "ShipmentScheduled", "OrderConfirmed")) {
            publish(event(type, orderId));
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> status(first, orderId).equals("CONFIRMED"));
        client(second)
                .get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.orderId")
                .isEqualTo(orderId.toString())
                .jsonPath("$.customerId")
                .isEqualTo("customer-ada")
                .jsonPath("$.status")
                .isEqualTo("CONFIRMED")
                .jsonPath("$.failureReason")
                .doesNotExist()
                .jsonPath("$.total")
                .isEqualTo(59.97)
                .jsonPath("$.items[0].sku")
                .isEqualTo("BOOK-001")
                .jsonPath("$.items[0].unitPrice")
                .isEqualTo(24.99)
                .jsonPath("$.timeline.length()")
                .isEqualTo(5)
                .jsonPath("$.timeline[?(@.type == 'PaymentCompleted')].service")
                .isEqualTo("payment-service")
                // named from the exchange each came through, not from its type's name
                .jsonPath("$.timeline[?(@.type == 'OrderPlaced')].service")
                .isEqualTo("order-service")
                .jsonPath("$.timeline[?(@.type == 'ShipmentScheduled')].service")
                .isEqualTo("shipping-service")
                .jsonPath("$.updatedAt")
                .exists();
    }

    @Test
    void duplicatesAndOutOfOrderEventsNeverMoveTheStatusBackwards() {
        UUID orderId = UUID.randomUUID();
        String confirmed = event("OrderConfirmed", orderId);
        String placed = event("OrderPlaced", orderId);
        publish(confirmed);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> status(first, orderId).equals("CONFIRMED"));

        publish(placed);
        publish(placed);
        publish(confirmed);
        publish(event("PaymentCompleted", orderId));
        await().atMost(Duration.ofSeconds(20)).until(() -> timelineLength(orderId) == 3);

        assertThat(status(second, orderId)).isEqualTo("CONFIRMED");
        assertThat(infra.database("gateway")
                        .count("SELECT count(*) FROM order_timeline WHERE order_id = '" + orderId + "'"))
                .isEqualTo(3);
    }

    @Test
    void aBatchAppliesEachEventOnceAndOneOrdersEventsInArrivalOrder() {
        var projection = firstContext.getBean(ViewProjection.class);
        var transaction = firstContext.getBean(TransactionalOperator.class);
        UUID orderId = UUID.randomUUID();
        UUID otherOrderId = UUID.randomUUID();
        SagaEvent placed = sagaEvent("OrderPlaced", orderId, null);
        SagaEvent reserved = sagaEvent("InventoryReserved", orderId, null);
        SagaEvent declined = sagaEvent("PaymentDeclined", orderId, "PAYMENT_DECLINED");
        SagaEvent cancelled = sagaEvent("OrderCancelled", orderId, "CUSTOMER_CANCELLED");

        // One batch: two orders, a duplicate inside it, and an order the view has not seen.
        StepVerifier.create(transaction.transactional(projection.projectAll(
                        List.of(placed, reserved, sagaEvent("OrderPlaced", otherOrderId, null), reserved))))
                .verifyComplete();
        assertThat(row(orderId)).isEqualTo("RESERVED|customer-ada|59.97|3");
        assertThat(row(otherOrderId)).isEqualTo("PENDING|customer-ada||2");
        assertThat(timelineLength(orderId)).isEqualTo(2);

        // The next batch repeats one event already applied and brings two of the same order: the
        // first failure reason shows until OrderCancelled gives the one order-service decided.
        StepVerifier.create(transaction.transactional(projection.projectAll(List.of(reserved, declined, cancelled))))
                .verifyComplete();
        assertThat(row(orderId)).isEqualTo("CANCELLED|customer-ada|59.97|5");
        assertThat(infra.database("gateway")
                        .count(
                                "SELECT count(*) FROM order_view WHERE failure_reason = 'CUSTOMER_CANCELLED' AND order_id = '"
                                        + orderId + "'"))
                .isEqualTo(1);
        assertThat(timelineLength(orderId)).isEqualTo(4);
        // each new event's staleness is timed once its batch committed: five of these were new
        assertThat(firstContext
                        .getBean(MeterRegistry.class)
                        .get("shop.view.staleness")
                        .timer()
                        .count())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void theStreamSendsTheCurrentStatusThenEachChangeAndEndsAfterAFinalOne() {
        UUID orderId = UUID.randomUUID();
        publish(event("OrderPlaced", orderId));
        await().atMost(Duration.ofSeconds(20)).until(() -> timelineLength(orderId) == 1);

        var stream = WebClient.create(second)
                .get()
                .uri("/api/orders/{id}/stream", orderId)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .filter(event -> event.event() != null);

        StepVerifier.create(stream)
                .assertNext(event -> assertStatus(event, orderId, "PENDING", null))
                .then(() -> publish(event("InventoryReserved", orderId)))
                .assertNext(event -> assertStatus(event, orderId, "RESERVED", null))
                .then(() -> publish(event("PaymentDeclined", orderId)))
                .assertNext(event -> assertStatus(event, orderId, "CANCELLING", "PAYMENT_DECLINED"))
                .then(() -> {
                    publish(event("InventoryReleased", orderId));
                    publish(eventWithReason("OrderCancelled", orderId, "PAYMENT_DECLINED"));
                })
                .assertNext(event -> assertStatus(event, orderId, "CANCELLED", "PAYMENT_DECLINED"))
                .expectComplete()
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void aStreamIdsIncreaseAndAFinalOrderStreamsOneEvent() {
        UUID orderId = UUID.randomUUID();
        publish(event("OrderCancelled", orderId));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> status(first, orderId).equals("CANCELLED"));

        var events = WebClient.create(first)
                .get()
                .uri("/api/orders/{id}/stream", orderId)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .collectList()
                .block(Duration.ofSeconds(20));

        assertThat(events).hasSize(1);
        assertThat(events.get(0).event()).isEqualTo("status");
        assertThat(Long.parseLong(events.get(0).id())).isGreaterThan(1);
    }

    @Test
    void aReadFollowingItsOwnWriteIsAnsweredBeforeTheViewHasTheOrder() {
        UUID orderId = UUID.randomUUID();
        ordersKnownToOrderService.add(orderId.toString());

        client(first)
                .get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING")
                .jsonPath("$.customerId")
                .isEqualTo("ada")
                .jsonPath("$.timeline.length()")
                .isEqualTo(0);
    }

    @Test
    void anUnknownOrderIsA404ProblemForTheStatusAndTheStream() {
        UUID orderId = UUID.randomUUID();
        for (String path : List.of("/api/orders/{id}", "/api/orders/{id}/stream")) {
            client(first)
                    .get()
                    .uri(path, orderId)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(404)
                    .jsonPath("$.title")
                    .exists();
        }
        client(first)
                .get()
                .uri("/api/orders/not-a-uuid")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static void assertStatus(ServerSentEvent<String> event, UUID orderId, String status, String failureReason) {
        assertThat(event.event()).isEqualTo("status");
        assertThat(event.id()).isNotBlank();
        JsonNode data = json.readTree(event.data());
        assertThat(data.get("orderId").stringValue()).isEqualTo(orderId.toString());
        assertThat(data.get("status").stringValue()).isEqualTo(status);
        assertThat(
                        data.path("failureReason").isNull()
                                        || data.path("failureReason").isMissingNode()
                                ? null
                                : data.get("failureReason").stringValue())
                .isEqualTo(failureReason);
        assertThat(data.get("at").stringValue()).isNotBlank();
    }

    private static String status(String baseUrl, UUID orderId) {
        var answer = client(baseUrl)
                .get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .returnResult(String.class);
        if (answer.getStatus().value() != 200) {
            return "unknown";
        }
        return json.readTree(answer.getResponseBody().blockFirst())
                .get("status")
                .stringValue();
    }

    private static String row(UUID orderId) {
        return infra.database("gateway").query(connection -> {
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery(
                            "SELECT status, customer_id, total, version FROM order_view WHERE order_id = '" + orderId
                                    + "'")) {
                rows.next();
                return rows.getString(1) + "|" + rows.getString(2) + "|"
                        + (rows.getBigDecimal(3) == null
                                ? ""
                                : rows.getBigDecimal(3).toPlainString()) + "|"
                        + rows.getLong(4);
            }
        });
    }

    /** A contract example re-addressed to {@code orderId}, read as the view reads it. */
    private static SagaEvent sagaEvent(String type, UUID orderId, String failureReason) {
        var body = (ObjectNode) json.readTree(event(type, orderId));
        if (failureReason != null) {
            body.put("failureReason", failureReason);
        }
        // as the consumer hands it over: read from the body, the producer known from the exchange
        return tolerantJson.treeToValue(body, SagaEvent.class).publishedBy("a-producer");
    }

    private static long timelineLength(UUID orderId) {
        return infra.database("gateway")
                .count("SELECT count(*) FROM order_timeline WHERE order_id = '" + orderId + "'");
    }

    /** A contract example re-addressed to {@code orderId}, with a fresh event id. */
    private static String event(String type, UUID orderId) {
        String exchange = exchangeOf(type);
        var body = (ObjectNode) json.readTree(Contracts.json(exchange, type, 1));
        body.put("eventId", UUID.randomUUID().toString());
        body.put("orderId", orderId.toString());
        body.put("occurredAt", EventCodec.formatTime(Instant.now()));
        return json.writeValueAsString(body);
    }

    /** The example of {@code type} for the order, with this failure reason (as its producer decided it). */
    private static String eventWithReason(String type, UUID orderId, String failureReason) {
        var body = (ObjectNode) json.readTree(event(type, orderId));
        body.put("failureReason", failureReason);
        return json.writeValueAsString(body);
    }

    private static void publish(String body) {
        JsonNode event = json.readTree(body);
        broker.publish(exchangeOf(event.get("type").stringValue()), event);
    }

    private static String exchangeOf(String type) {
        Map<String, String> byPrefix = Map.of(
                "Order",
                "order.events",
                "Inventory",
                "inventory.events",
                "Payment",
                "payment.events",
                "Shipment",
                "shipping.events");
        return byPrefix.entrySet().stream()
                .filter(entry -> type.startsWith(entry.getKey()))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    private static WebTestClient client(String baseUrl) {
        return WebTestClient.bindToServer()
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static String baseUrl(String port) {
        return "http://127.0.0.1:" + port;
    }
}
