package shop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.system.ShopClient.line;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import shop.platform.testing.ServiceProcess;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga across the four services, each started from its jar as its own process on this
 * run's databases and vhost: the happy path, each compensation, an idempotent retry and a race
 * for scarce stock, checked through the services' APIs and the audit queue.
 */
class SagaIT {

    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static final List<ServiceProcess> services = new ArrayList<>();
    static ShopClient shop;
    static RabbitTemplate audit;
    static final List<Message> audited = new ArrayList<>();

    @BeforeAll
    static void startTheSystem() {
        for (String module : List.of("order-service", "inventory-service", "payment-service", "shipping-service")) {
            services.add(ServiceProcess.start(infra, module, module.replace("-service", ""), Map.of()));
        }
        services.forEach(service -> service.awaitHealthy(Duration.ofSeconds(180)));
        shop = new ShopClient(
                services.get(0).baseUrl(),
                services.get(1).baseUrl(),
                services.get(2).baseUrl());
        audit = new RabbitTemplate(infra.rabbit());
    }

    @AfterAll
    static void stopTheSystem() {
        services.forEach(ServiceProcess::close);
    }

    @Test
    void aHappyOrderIsConfirmedAndTakesStockAndMoney() {
        String sku = sku("happy");
        String customer = customer("happy");
        shop.createProduct(sku, "10.00", 5);
        shop.createCustomer(customer, "100.00");

        String orderId = place(customer, List.of(line(sku, 2)), "GB");

        assertThat(awaitFinal(orderId).get("status").stringValue()).isEqualTo("CONFIRMED");
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertStock(sku, 3, 0));
        assertThat(shop.balance(customer)).isEqualByComparingTo("80.00");
        assertThat(eventTypes(orderId))
                .containsExactlyInAnyOrder(
                        "OrderPlaced", "InventoryReserved", "PaymentCompleted", "ShipmentScheduled", "OrderConfirmed");
    }

    @Test
    void anOrderWithOneShortLineReservesNothing() {
        String plenty = sku("plenty");
        String scarce = sku("scarce");
        String customer = customer("short");
        shop.createProduct(plenty, "3.00", 10);
        shop.createProduct(scarce, "4.00", 1);
        shop.createCustomer(customer, "100.00");

        String orderId = place(customer, List.of(line(plenty, 2), line(scarce, 2)), "GB");

        assertCancelled(orderId, "OUT_OF_STOCK");
        assertStock(plenty, 10, 0);
        assertStock(scarce, 1, 0);
        assertThat(shop.balance(customer)).isEqualByComparingTo("100.00");
    }

    @Test
    void anOrderForAnUnknownProductIsCancelled() {
        String customer = customer("unknown");
        shop.createCustomer(customer, "100.00");

        String orderId = place(customer, List.of(line(sku("never-created"), 1)), "GB");

        assertCancelled(orderId, "UNKNOWN_PRODUCT");
        assertThat(shop.balance(customer)).isEqualByComparingTo("100.00");
    }

    @Test
    void aDeclinedPaymentGivesTheStockBack() {
        String sku = sku("declined");
        String customer = customer("poor");
        shop.createProduct(sku, "10.00", 4);
        shop.createCustomer(customer, "5.00");

        String orderId = place(customer, List.of(line(sku, 1)), "GB");

        assertCancelled(orderId, "PAYMENT_DECLINED");
        assertStock(sku, 4, 0);
        assertThat(shop.balance(customer)).isEqualByComparingTo("5.00");
    }

    @Test
    void anUnshippableOrderIsRefundedThenReleasedInThatOrder() {
        String sku = sku("unshippable");
        String customer = customer("antarctic");
        shop.createProduct(sku, "12.50", 3);
        shop.createCustomer(customer, "50.00");

        String orderId = place(customer, List.of(line(sku, 2)), "AQ");

        assertCancelled(orderId, "SHIPPING_UNAVAILABLE");
        assertStock(sku, 3, 0);
        assertThat(shop.balance(customer)).isEqualByComparingTo("50.00");
        await().atMost(SAGA_TIMEOUT).until(() -> eventTypes(orderId).contains("OrderCancelled"));
        JsonNode failed = event(orderId, "ShipmentFailed");
        JsonNode refunded = event(orderId, "PaymentRefunded");
        JsonNode released = event(orderId, "InventoryReleased");
        JsonNode cancelled = event(orderId, "OrderCancelled");
        assertThat(refunded.get("causationId").stringValue())
                .isEqualTo(failed.get("eventId").stringValue());
        assertThat(released.get("causationId").stringValue())
                .isEqualTo(refunded.get("eventId").stringValue());
        assertThat(cancelled.get("causationId").stringValue())
                .isEqualTo(released.get("eventId").stringValue());
        assertThat(refunded.get("failureReason").stringValue()).isEqualTo("SHIPPING_UNAVAILABLE");
        assertThat(released.get("failureReason").stringValue()).isEqualTo("SHIPPING_UNAVAILABLE");
        assertCompensationsReadableInTheManagementApi(orderId, List.of(failed, refunded, released, cancelled));
    }

    /** What a person sees with "Get messages" on saga.compensations in the management UI. */
    private static void assertCompensationsReadableInTheManagementApi(String orderId, List<JsonNode> expected) {
        var mapper = new JsonMapper();
        JsonNode messages = mapper.readTree(infra.peekMessages("saga.compensations", 1000));
        List<JsonNode> ofOrder = new ArrayList<>();
        for (JsonNode message : messages) {
            if (orderId.equals(message.at("/properties/headers/orderId").stringValue())) {
                ofOrder.add(message);
            }
        }
        assertThat(ofOrder)
                .extracting(message -> message.at("/properties/type").stringValue())
                .containsExactly("ShipmentFailed", "PaymentRefunded", "InventoryReleased", "OrderCancelled");
        for (int i = 0; i < expected.size(); i++) {
            JsonNode message = ofOrder.get(i);
            assertThat(message.at("/properties/message_id").stringValue())
                    .isEqualTo(expected.get(i).get("eventId").stringValue());
            assertThat(message.at("/properties/headers/causationId").stringValue())
                    .isEqualTo(expected.get(i).get("causationId").stringValue());
            assertThat(message.get("payload").stringValue()).contains("\"orderId\":\"" + orderId + "\"");
        }
    }

    @Test
    void retryingWithTheSameIdempotencyKeyPlacesOneOrder() {
        String sku = sku("retried");
        String customer = customer("retrying");
        shop.createProduct(sku, "7.00", 10);
        shop.createCustomer(customer, "100.00");
        String key = UUID.randomUUID().toString();

        var first = shop.placeOrder(customer, List.of(line(sku, 1)), "GB", key);
        var retry = shop.placeOrder(customer, List.of(line(sku, 1)), "GB", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        String orderId = first.body().get("orderId").stringValue();
        assertThat(awaitFinal(orderId).get("status").stringValue()).isEqualTo("CONFIRMED");
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertStock(sku, 9, 0));
        assertThat(shop.balance(customer)).isEqualByComparingTo("93.00");
    }

    @Test
    void manyOrdersRacingForScarceStockNeverOversell() {
        String sku = sku("scarce-race");
        String customer = customer("racer");
        shop.createProduct(sku, "2.00", 5);
        shop.createCustomer(customer, "1000.00");

        List<CompletableFuture<String>> placed = IntStream.range(0, 24)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> place(customer, List.of(line(sku, 1)), "GB")))
                .toList();
        List<String> orderIds = placed.stream().map(CompletableFuture::join).toList();

        List<JsonNode> finals = orderIds.stream().map(this::awaitFinal).toList();
        assertThat(finals.stream()
                        .filter(order -> order.get("status").stringValue().equals("CONFIRMED")))
                .hasSize(5);
        assertThat(finals.stream()
                        .filter(order -> order.get("status").stringValue().equals("CANCELLED")))
                .hasSize(19)
                .allSatisfy(order ->
                        assertThat(order.get("failureReason").stringValue()).isEqualTo("OUT_OF_STOCK"));
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertStock(sku, 0, 0));
        assertThat(shop.balance(customer)).isEqualByComparingTo(new BigDecimal("990.00"));
    }

    private static String place(String customer, List<Map<String, Object>> items, String country) {
        var answer = shop.placeOrder(customer, items, country, UUID.randomUUID().toString());
        assertThat(answer.status())
                .as("POST /orders answered %s", answer.body())
                .isEqualTo(202);
        assertThat(answer.body().get("status").stringValue()).isEqualTo("PENDING");
        return answer.body().get("orderId").stringValue();
    }

    private JsonNode awaitFinal(String orderId) {
        return await().atMost(SAGA_TIMEOUT)
                .until(
                        () -> shop.order(orderId),
                        order -> !order.get("status").stringValue().equals("PENDING"));
    }

    private void assertCancelled(String orderId, String reason) {
        JsonNode order = awaitFinal(orderId);
        assertThat(order.get("status").stringValue()).isEqualTo("CANCELLED");
        assertThat(order.get("failureReason").stringValue()).isEqualTo(reason);
    }

    private static void assertStock(String sku, int available, int reserved) {
        JsonNode product = shop.product(sku);
        assertThat(product.get("available").intValue())
                .as("available of %s", sku)
                .isEqualTo(available);
        assertThat(product.get("reserved").intValue()).as("reserved of %s", sku).isEqualTo(reserved);
    }

    private static List<String> eventTypes(String orderId) {
        return eventsOf(orderId).stream()
                .map(event -> event.get("type").stringValue())
                .toList();
    }

    private static JsonNode event(String orderId, String type) {
        return eventsOf(orderId).stream()
                .filter(event -> event.get("type").stringValue().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " for " + orderId + " in saga.audit"));
    }

    private static List<JsonNode> eventsOf(String orderId) {
        synchronized (audited) {
            Message message;
            while ((message = audit.receive("saga.audit")) != null) {
                audited.add(message);
            }
            var mapper = new JsonMapper();
            return audited.stream()
                    .filter(m -> orderId.equals(m.getMessageProperties().getHeader("orderId")))
                    .map(m -> mapper.readTree(new String(m.getBody(), StandardCharsets.UTF_8)))
                    .toList();
        }
    }

    private static String sku(String name) {
        return name.toUpperCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String customer(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
