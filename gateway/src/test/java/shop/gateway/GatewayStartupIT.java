package shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;
import shop.platform.testing.TestInfrastructure;
import shop.platform.topology.TopologyProperties;

/**
 * A service that starts first declares the whole messaging topology (every exchange, queue,
 * binding and dead-letter queue), migrates the platform's tables and reports itself healthy.
 */
class GatewayStartupIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    @Test
    void startsMigratesDeclaresTheTopologyAndReportsHealth() {
        var properties = infra.serviceProperties("gateway");
        properties.put("management.endpoint.health.show-details", "always");
        var app = infra.start(GatewayApplication.class, properties);
        String port = app.getEnvironment().getProperty("local.server.port");

        WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP")
                .jsonPath("$.components.rabbit.status")
                .isEqualTo("UP");

        assertThat(infra.database("gateway").count("SELECT count(*) FROM platform.outbox"))
                .isZero();
        var topology = app.getBean(TopologyProperties.class);
        assertThat(topology.queues()).hasSizeGreaterThanOrEqualTo(13);
        for (var queue : topology.queues()) {
            String declared = infra.managementGet(infra.queuePath(queue.name()));
            assertThat(declared)
                    .as("queue %s", queue.name())
                    .contains("\"x-queue-type\":\"quorum\"")
                    .contains("\"durable\":true");
            if (queue.maxLength() != null) {
                // An audit queue drops its oldest messages: no dead-letter target (ARCHITECTURE's one exception).
                assertThat(declared)
                        .contains("\"x-max-length\":" + queue.maxLength())
                        .doesNotContain("x-dead-letter");
                continue;
            }
            assertThat(declared)
                    .contains("\"x-delivery-limit\":20")
                    .contains("\"x-dead-letter-routing-key\":\"" + queue.name() + ".dlq\"");
            assertThat(infra.managementGet(infra.queuePath(queue.name() + ".dlq")))
                    .as("queue %s.dlq", queue.name())
                    .contains("\"x-queue-type\":\"quorum\"")
                    .contains("\"durable\":true");
        }
        String bindings = infra.managementGet(infra.queuePath("inventory.events.payment-service") + "/bindings");
        assertThat(bindings)
                .contains("\"source\":\"inventory.events\"")
                .contains("\"routing_key\":\"InventoryReserved\"");
    }
}
