package shop.loadtest.following;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.loadtest.FakeGateway.Scripted.events;
import static shop.loadtest.FakeGateway.Scripted.json;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import shop.loadtest.FakeGateway;
import shop.loadtest.shop.ShopClient;
import shop.loadtest.shop.StatusEvent;

/** Following an order against a stand-in gateway whose stream misbehaves. */
class OrderFollowerTests {

    final UUID orderId = UUID.randomUUID();
    final String streamPath = "/api/orders/" + orderId + "/stream";
    final String orderPath = "/api/orders/" + orderId;
    final FakeGateway gateway = new FakeGateway();
    final ShopClient shop = ShopClient.connect(URI.create(gateway.baseUrl()), 8);
    final OrderFollower follower = new OrderFollower(shop, Schedulers.parallel());

    @AfterEach
    void stop() {
        shop.close();
        gateway.close();
    }

    @Test
    void readsTheFinalStatusFromTheStreamPastCommentsAndEarlierStatuses() {
        gateway.script(
                "GET",
                streamPath,
                events(":keep-alive\n\n" + status(1, "PENDING", null) + status(2, "PAID", null)
                        + status(3, "CANCELLED", "SHIPPING_UNAVAILABLE")));

        StepVerifier.create(follower.untilFinal(orderId))
                .expectNext(new StatusEvent(orderId, "CANCELLED", "SHIPPING_UNAVAILABLE"))
                .verifyComplete();
        assertThat(follower.reconnects()).isZero();
    }

    @Test
    void opensTheStreamAgainWhenItEndsBeforeAFinalStatus() {
        gateway.script(
                "GET",
                streamPath,
                events(status(1, "PENDING", null)),
                json(503, "{}"),
                events(status(1, "RESERVED", null) + status(2, "CONFIRMED", null)));

        StepVerifier.create(follower.untilFinal(orderId))
                .expectNext(new StatusEvent(orderId, "CONFIRMED", null))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(follower.reconnects()).isEqualTo(2);
        assertThat(follower.fallbacksToPolling()).isZero();
    }

    @Test
    void pollsTheOrderWhenTheStreamKeepsFailing() {
        gateway.script("GET", streamPath, json(500, "{}"));
        gateway.script(
                "GET",
                orderPath,
                json(200, order("PAID", null)),
                json(200, order("CANCELLING", null)),
                json(200, order("CANCELLED", "PAYMENT_DECLINED")));

        StepVerifier.create(follower.untilFinal(orderId))
                .expectNext(new StatusEvent(orderId, "CANCELLED", "PAYMENT_DECLINED"))
                .expectComplete()
                .verify(Duration.ofSeconds(15));
        assertThat(follower.reconnects()).isEqualTo(OrderFollower.STREAM_RECONNECTS);
        assertThat(follower.fallbacksToPolling()).isEqualTo(1);
        assertThat(gateway.received().stream().filter(request -> request.path().equals(orderPath)))
                .hasSize(3);
    }

    private String status(int id, String status, String reason) {
        return "id:" + id + "\nevent:status\ndata:" + data(status, reason) + "\n\n";
    }

    private String data(String status, String reason) {
        return "{\"orderId\":\"" + orderId + "\",\"status\":\"" + status + "\",\"failureReason\":"
                + (reason == null ? "null" : "\"" + reason + "\"") + ",\"at\":\"2026-11-27T12:00:00.000Z\"}";
    }

    private String order(String status, String reason) {
        return "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c1\",\"status\":\"" + status
                + "\",\"failureReason\":" + (reason == null ? "null" : "\"" + reason + "\"")
                + ",\"total\":12.50,\"items\":[],\"timeline\":[],\"updatedAt\":\"2026-11-27T12:00:00.000Z\"}";
    }
}
