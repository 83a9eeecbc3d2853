package shop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformEnvironmentTests {

    @Test
    void theSharedDefaultsSitBelowWhatTheServiceSays() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "the service's own YAML",
                        Map.of("shop.database", "shop_sample", "spring.r2dbc.pool.max-size", "3")));

        new PlatformEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.r2dbc.pool.max-size")).isEqualTo("3");
        assertThat(environment.getProperty("spring.rabbitmq.publisher-confirm-type"))
                .isEqualTo("correlated");
        assertThat(environment.getProperty("spring.r2dbc.url")).endsWith("/shop_sample");
        assertThat(environment.getPropertySources().stream()
                        .reduce((first, second) -> second)
                        .orElseThrow()
                        .getName())
                .contains(PlatformEnvironment.DEFAULTS);
    }

    @Test
    void reactorNettyKeepsReadingAConnectionWhoseNextRequestCameEarly() {
        new PlatformEnvironment().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

        assertThat(System.getProperty("reactor.netty.http.server.lastFlushWhenNoRead"))
                .isEqualTo("true");
    }
}
