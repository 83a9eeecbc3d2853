package shop.loadtest.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.loadtest.FakeGateway.Scripted.json;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import shop.loadtest.FakeGateway;
import shop.loadtest.FakeGateway.Received;
import shop.loadtest.mix.Mix;
import shop.loadtest.placing.Persistent;
import shop.loadtest.placing.RetryPolicy;
import shop.loadtest.plan.Plan;
import shop.loadtest.plan.PlannedOrder;

/** Placing an order over HTTP against a stand-in gateway. */
class ShopClientTests {

    final FakeGateway gateway = new FakeGateway();
    final ShopClient shop = ShopClient.connect(URI.create(gateway.baseUrl()), 8);
    final PlannedOrder order = Plan.of("t", Mix.DEFAULT, 1).orders().get(0);

    @AfterEach
    void stop() {
        shop.close();
        gateway.close();
    }

    @Test
    void aPlacementWhoseOutcomeIsUnknownIsRepeatedWithTheSameKeyUntilAccepted() {
        UUID orderId = UUID.randomUUID();
        gateway.script(
                "POST",
                "/api/orders",
                json(504, "{\"title\":\"outcome unknown\"}"),
                json(429, "{}").with("Retry-After", "1"),
                json(503, "{}").with("Retry-After", "0"),
                json(202, "{\"orderId\":\"" + orderId + "\",\"status\":\"PENDING\"}"));
        var persistent =
                new Persistent(new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50)), Schedulers.parallel());

        StepVerifier.create(persistent.post(() -> shop.placeOrder(order), Duration.ofSeconds(10)))
                .assertNext(answer -> {
                    assertThat(answer.status()).isEqualTo(202);
                    assertThat(answer.orderId()).contains(orderId);
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(gateway.received())
                .hasSize(4)
                .extracting(Received::idempotencyKey)
                .containsOnly(order.idempotencyKey().toString());
    }

    @Test
    void readsTheRetryAfterOfARefusal() {
        gateway.script("POST", "/api/orders", json(503, "{}").with("Retry-After", "7"));

        StepVerifier.create(shop.placeOrder(order))
                .assertNext(answer -> {
                    assertThat(answer.status()).isEqualTo(503);
                    assertThat(answer.retryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(answer.orderId()).isEmpty();
                })
                .verifyComplete();
    }
}
