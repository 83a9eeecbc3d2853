package shop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import shop.loadtest.mix.Category;
import shop.loadtest.plan.CustomerSpec;
import shop.loadtest.plan.Line;
import shop.loadtest.plan.PlannedOrder;
import shop.loadtest.plan.ProductSpec;
import shop.loadtest.shop.Answer;
import shop.loadtest.shop.OrderView;
import shop.loadtest.shop.ProductView;
import shop.loadtest.shop.ShopClient;
import shop.platform.testing.ServiceProcess;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga across the four services and the gateway, each started from its jar as its own process
 * on this run's databases and vhost: the happy path, each compensation, an idempotent retry and a
 * race for scarce stock, driven and checked through the gateway's public API (with the load
 * test's client) and the audit queue.
 */
class SagaIT {

    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static final List<ServiceProcess> processes = new ArrayList<>();
    static ShopClient shop;
    static RabbitTemplate audit;
    static final List<Message> audited = new ArrayList<>();

    @BeforeAll
    static void startTheSystem() {
        processes.addAll(ServiceProcess.startShop(infra, Duration.ofSeconds(180)));
        shop = ShopClient.connect(URI.create(processes.get(0).baseUrl()), 32);
        audit = new RabbitTemplate(infra.rabbit());
    }

    @AfterAll
    static void stopTheSystem() {
        if (shop != null) {
            shop.close();
        }
        processes.forEach(ServiceProcess::close);
    }

    @Test
    void aHappyOrderIsConfirmedAndTakesStockAndMoney() {
        String sku = sku("happy");
        String customer = customer("happy");
        createProduct(sku, "10.00", 5);
        createCustomer(customer, "100.00");

        UUID orderId = place(customer, List.of(line(sku, 2)), "GB");

        assertThat(awaitFinal(orderId).status()).isEqualTo("CONFIRMED");
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertStock(sku, 3, 0));
        assertThat(balance(customer)).isEqualByComparingTo("80.00");
        assertThat(eventTypes(orderId))
                .containsExactlyInAnyOrder(
                        "OrderPlaced", "InventoryReserved", "PaymentCompleted", "ShipmentScheduled", "OrderConfirmed");
    }

    @Test
    void anOrderWithOneShortLineReservesNothing() {
        String plenty = sku("plenty");
        String scarce = sku("scarce");
        String customer = customer("short");
        createProduct(plenty, "3.00", 10);
        createProduct(scarce, "4.00", 1);
        createCustomer(customer, "100.00");

        UUID orderId = place(customer, List.of(line(plenty, 2), line(scarce, 2)), "GB");

        assertCancelled(orderId, "OUT_OF_STOCK");
        assertStock(plenty, 10, 0);
        assertStock(scarce, 1, 0);
        assertThat(balance(customer)).isEqualByComparingTo("100.00");
    }

    @Test
    void anOrderForAnUnknownProductIsCancelled() {
        String customer = customer("unknown");
        createCustomer(customer, "100.00");

        UUID orderId = place(customer, List.of(line(sku("never-created"), 1)), "GB");

        assertCancelled(orderId, "UNKNOWN_PRODUCT");
        assertThat(balance(customer)).isEqualByComparingTo("100.00");
    }

    @Test
    void aDeclinedPaymentGivesTheStockBack() {
        String sku = sku("declined");
        String customer = customer("poor");
        createProduct(sku, "10.00", 4);
        createCustomer(customer, "5.00");

        UUID orderId = place(customer, List.of(line(sku, 1)), "GB");

        assertCancelled(orderId, "PAYMENT_DECLINED");
        assertStock(sku, 4, 0);
        assertThat(balance(customer)).isEqualByComparingTo("5.00");
    }

    @Test
    void anUnshippableOrderIsRefundedThenReleasedInThatOrder() {
        String sku = sku("unshippable");
        String customer = customer("antarctic");
        createProduct(sku, "12.50", 3);
        createCustomer(customer, "50.00");

        UUID orderId = place(customer, List.of(line(sku, 2)), "AQ");

        assertCancelled(orderId, "SHIPPING_UNAVAILABLE");
        assertStock(sku, 3, 0);
        assertThat(balance(customer)).isEqualByComparingTo("50.00");
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
    private static void assertCompensationsReadableInTheManagementApi(UUID orderId, List<JsonNode> expected) {
        var mapper = new JsonMapper();
        JsonNode messages = mapper.readTree(infra.peekMessages("saga.compensations", 1000));
        List<JsonNode> ofOrder = new ArrayList<>();
        for (JsonNode message : messages) {
            if (orderId.toString()
                    .equals(message.at("/properties/headers/orderId").stringValue())) {
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
        createProduct(sku, "7.00", 10);
        createCustomer(customer, "100.00");
        UUID key = UUID.randomUUID();

        var first = shop.placeOrder(order(customer, List.of(line(sku, 1)), "GB", key))
                .block();
        var retry = shop.placeOrder(order(customer, List.of(line(sku, 1)), "GB", key))
                .block();

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.orderId()).isEqualTo(first.orderId());
        UUID orderId = first.orderId().orElseThrow();
        assertThat(awaitFinal(orderId).status()).isEqualTo("CONFIRMED");
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertStock(sku, 9, 0));
        assertThat(balance(customer)).isEqualByComparingTo("93.00");
    }

    @Test
    void manyOrdersRacingForScarceStockNeverOversell() {
        String sku = sku("scarce-race");
        String customer = customer("racer");
        createProduct(sku, "2.00", 5);
        createCustomer(customer, "1000.00");

        List<CompletableFuture<UUID>> placed = IntStream.range(0, 24)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> place(customer, List.of(line(sku, 1)), "GB")))
                .toList();
        List<UUID> orderIds = placed.stream().map(CompletableFuture::join).toList();

        List<OrderView> finals = orderIds.stream().map(this::awaitFinal).toList();
        assertThat(finals.stream().filter(order -> order.status().equals("CONFIRMED")))
                .hasSize(5);
        assertThat(finals.stream().filter(order -> order.status().equals("CANCELLED")))
                .hasSize(19)
                .allSatisfy(order -> assertThat(order.failureReason()).isEqualTo("OUT_OF_STOCK"));
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertStock(sku, 0, 0));
        assertThat(balance(customer)).isEqualByComparingTo(new BigDecimal("990.00"));
    }

    private static void createProduct(String sku, String price, int stock) {
        var product = new ProductSpec(sku, "Product " + sku, new BigDecimal(price), stock);
        assertThat(shop.createProduct(product).block().status()).isEqualTo(201);
    }

    private static void createCustomer(String customerId, String balance) {
        var customer = new CustomerSpec(customerId, "Customer " + customerId, new BigDecimal(balance));
        assertThat(shop.createCustomer(customer).block().status()).isEqualTo(201);
    }

    private static BigDecimal balance(String customerId) {
        return shop.customer(customerId).block().balance();
    }

    private static Line line(String sku, int quantity) {
        return new Line(sku, quantity);
    }

    private static PlannedOrder order(String customer, List<Line> lines, String country, UUID key) {
        return new PlannedOrder(0, Category.HAPPY, customer, lines, country, key);
    }

    @Test
    void aCustomersCancellationUnwindsBackAlongTheChainAndGivesEverythingBack() {
        String sku = sku("cancelled");
        String customer = customer("changed-mind");
        createProduct(sku, "15.00", 4);
        createCustomer(customer, "100.00");

        UUID orderId = place(customer, List.of(line(sku, 2)), "GB");
        var answer = shop.cancel(orderId, UUID.randomUUID()).block();

        assertThat(answer.status()).isIn(202, 409);
        OrderView order = awaitFinal(orderId);
        if (answer.status() == 409) {
            assertThat(order.status()).isEqualTo("CONFIRMED");
            return;
        }
        assertThat(order.status()).isEqualTo("CANCELLED");
        assertThat(order.failureReason()).isEqualTo("CUSTOMER_CANCELLED");
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertStock(sku, 4, 0));
        assertThat(balance(customer)).isEqualByComparingTo("100.00");
        await().atMost(SAGA_TIMEOUT).until(() -> eventTypes(orderId).contains("OrderCancelled"));
        JsonNode requested = event(orderId, "OrderCancellationRequested");
        JsonNode shipment = event(orderId, "ShipmentCancelled");
        assertThat(shipment.get("causationId").stringValue())
                .isEqualTo(requested.get("eventId").stringValue());
        JsonNode released = eventsOf(orderId).stream()
                .filter(event -> event.get("type").stringValue().equals("InventoryReleased")
                        && "CUSTOMER_CANCELLED"
                                .equals(event.get("failureReason").stringValue()))
                .findFirst()
                .orElseThrow();
        assertThat(event(orderId, "OrderCancelled").get("failureReason").stringValue())
                .isEqualTo("CUSTOMER_CANCELLED");
        assertThat(released.get("causationId").stringValue()).isNotNull();
    }

    /**
     * Cancellations sent at moments spread over the whole saga meet each of its steps under way
     * somewhere: each order still ends in exactly one outcome, CONFIRMED (the cancellation was
     * refused) or CANCELLED with everything given back, and no unit or cent is created or lost.
     */
    @Test
    void cancellationsRacingEveryStepEndInOneOutcomeAndConserveStockAndMoney() {
        String sku = sku("race-cancel");
        String customer = customer("hesitant");
        int orders = 60;
        createProduct(sku, "3.00", orders);
        createCustomer(customer, "1000.00");

        List<UUID> orderIds = new ArrayList<>();
        List<Integer> answers = Flux.range(0, orders)
                .flatMap(i -> Mono.fromCallable(() -> place(customer, List.of(line(sku, 1)), "GB"))
                        .subscribeOn(Schedulers.boundedElastic())
                        .doOnNext(orderId -> {
                            synchronized (orderIds) {
                                orderIds.add(orderId);
                            }
                        })
                        .delayElement(Duration.ofMillis(i * 50L))
                        .flatMap(orderId -> shop.cancel(orderId, UUID.randomUUID()))
                        .map(Answer::status))
                .collectList()
                .block(Duration.ofSeconds(60));

        List<OrderView> finals = orderIds.stream().map(this::awaitFinal).toList();
        long confirmed = finals.stream()
                .filter(order -> order.status().equals("CONFIRMED"))
                .count();
        assertThat(finals)
                .allSatisfy(order -> assertThat(order.status()).isIn("CONFIRMED", "CANCELLED"))
                .filteredOn(order -> order.status().equals("CANCELLED"))
                .allSatisfy(order -> assertThat(order.failureReason()).isEqualTo("CUSTOMER_CANCELLED"));
        assertThat(answers).containsOnly(202, 409);
        assertThat(answers.stream().filter(status -> status == 409)).hasSize((int) confirmed);
        assertThat(confirmed).as("orders confirmed before their cancellation").isBetween(1L, orders - 1L);
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertStock(sku, orders - (int) confirmed, 0));
        assertThat(balance(customer))
                .isEqualByComparingTo(new BigDecimal("1000.00").subtract(new BigDecimal(3 * confirmed)));
    }

    private static UUID place(String customer, List<Line> lines, String country) {
        var answer = shop.placeOrder(order(customer, lines, country, UUID.randomUUID()))
                .block();
        assertThat(answer.status()).as("POST /api/orders answered %s", answer).isEqualTo(202);
        return answer.orderId().orElseThrow();
    }

    private OrderView awaitFinal(UUID orderId) {
        return await().atMost(SAGA_TIMEOUT).until(() -> shop.order(orderId).block(), OrderView::isFinal);
    }

    private void assertCancelled(UUID orderId, String reason) {
        OrderView order = awaitFinal(orderId);
        assertThat(order.status()).isEqualTo("CANCELLED");
        assertThat(order.failureReason()).isEqualTo(reason);
    }

    private static void assertStock(String sku, int available, int reserved) {
        ProductView product = shop.product(sku).block();
        assertThat(product.available()).as("available of %s", sku).isEqualTo(available);
        assertThat(product.reserved()).as("reserved of %s", sku).isEqualTo(reserved);
    }

    private static List<String> eventTypes(UUID orderId) {
        return eventsOf(orderId).stream()
                .map(event -> event.get("type").stringValue())
                .toList();
    }

    private static JsonNode event(UUID orderId, String type) {
        return eventsOf(orderId).stream()
                .filter(event -> event.get("type").stringValue().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " for " + orderId + " in saga.audit"));
    }

    private static List<JsonNode> eventsOf(UUID orderId) {
        synchronized (audited) {
            Message message;
            while ((message = audit.receive("saga.audit")) != null) {
                audited.add(message);
            }
            var mapper = new JsonMapper();
            return audited.stream()
                    .filter(m ->
                            orderId.toString().equals(m.getMessageProperties().getHeader("orderId")))
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
