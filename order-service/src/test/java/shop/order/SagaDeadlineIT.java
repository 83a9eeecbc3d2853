package shop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import shop.platform.testing.TestBroker;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Saga deadlines against real PostgreSQL and RabbitMQ, with a deadline of two seconds: an order
 * nobody answers is cancelled as TIMED_OUT once, by whichever of two instances finds it first,
 * also when the service was down when the deadline passed.
 */
class SagaDeadlineIT {

    private static final String SHIPPING_QUEUE = "order.events.shipping-service";
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    @Test
    void anOrderNobodyAnswersTimesOutOnceAcrossTwoInstancesAndIsCountedUntilItEnds() {
        var first = start();
        var second = start();
        var database = infra.database("order");
        var broker = new TestBroker(infra);
        UUID orderId = OrderFixtures.placeOrder(first);

        JsonNode requested = TestBroker.body(broker.awaitEvent(SHIPPING_QUEUE, orderId, "OrderCancellationRequested"));

        assertThat(requested.get("failureReason").stringValue()).isEqualTo("TIMED_OUT");
        assertThat(OrderFixtures.status(database, orderId)).isEqualTo("CANCELLING TIMED_OUT");
        await().atMost(Duration.ofSeconds(10)).until(() -> overdue(first) == 1 && overdue(second) == 1);
        WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + first.getEnvironment().getProperty("local.server.port"))
                .build()
                .get()
                .uri("/actuator/overduesagas")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].orderId")
                .isEqualTo(orderId.toString())
                .jsonPath("$[0].status")
                .isEqualTo("CANCELLING")
                .jsonPath("$[0].failureReason")
                .isEqualTo("TIMED_OUT")
                .jsonPath("$[0].waitingOn")
                .value(String.class, waitingOn -> assertThat(waitingOn).startsWith("its unwinding"));

        broker.publish(
                "inventory.events",
                TestBroker.example("inventory.events", "InventoryReleased", UUID.randomUUID(), orderId));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> OrderFixtures.status(database, orderId).equals("CANCELLED TIMED_OUT"));
        await().atMost(Duration.ofSeconds(10)).until(() -> overdue(first) == 0);
        assertThat(database.count("SELECT count(*) FROM platform.outbox WHERE order_id = '" + orderId
                        + "' AND type = 'OrderCancellationRequested'"))
                .isOne();
        first.close();
        second.close();
    }

    @Test
    void aDeadlinePassedWhileTheServiceWasDownCancelsTheOrderOnRestart() {
        var database = infra.database("order");
        var broker = new TestBroker(infra);
        UUID orderId;
        try (var beforeTheCrash = start()) {
            orderId = OrderFixtures.placeOrder(beforeTheCrash);
        }
        await().atMost(DEADLINE.plusSeconds(5))
                .until(() -> database.count("SELECT count(*) FROM orders WHERE order_id = '" + orderId
                                + "' AND deadline_at < now()")
                        == 1);
        assertThat(OrderFixtures.status(database, orderId)).isEqualTo("PENDING null");

        // the restarted instance's own check would run an hour from now: this is its first pass
        try (var restarted = start(Map.of("shop.saga.check-interval", "1h"))) {
            assertThat(restarted.getBean(SagaDeadlines.class).timeOutOverdue().block(Duration.ofSeconds(10)))
                    .isOne();
            JsonNode requested =
                    TestBroker.body(broker.awaitEvent(SHIPPING_QUEUE, orderId, "OrderCancellationRequested"));
            assertThat(requested.get("failureReason").stringValue()).isEqualTo("TIMED_OUT");
            assertThat(OrderFixtures.status(database, orderId)).isEqualTo("CANCELLING TIMED_OUT");
        }
    }

    private static ConfigurableApplicationContext start() {
        return start(Map.of());
    }

    private static ConfigurableApplicationContext start(Map<String, Object> overrides) {
        Map<String, Object> properties = infra.serviceProperties("order");
        properties.put("shop.saga.deadline", DEADLINE.toMillis() + "ms");
        properties.put("shop.saga.check-interval", "200ms");
        properties.putAll(overrides);
        return infra.start(OrderServiceApplication.class, properties);
    }

    private static double overdue(ConfigurableApplicationContext app) {
        return app.getBean(MeterRegistry.class).get("shop.saga.overdue").gauge().value();
    }
}
