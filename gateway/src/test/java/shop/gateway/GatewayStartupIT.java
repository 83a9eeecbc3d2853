package shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;
import shop.platform.testing.TestInfrastructure;
import shop.platform.topology.TopologyCheck;

/**
 * A service migrates the platform's tables, finds its part of the messaging topology (declared
 * before it starts) and reports itself healthy.
 */
class GatewayStartupIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    @Test
    void startsMigratesChecksTheTopologyAndReportsHealth() {
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
        assertThat(app.getBean(TopologyCheck.class).isRunning()).isTrue();
    }
}
