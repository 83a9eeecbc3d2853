package shop.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import shop.platform.MessagingProperties;
import shop.platform.sample.Ledger;
import shop.platform.sample.LedgerApplication;
import shop.platform.sample.LedgerFixture;
import shop.platform.testing.TcpProxy;
import shop.platform.testing.TestInfrastructure;

/**
 * Lanes share one channel and acknowledge with {@code multiple} where they can. Here one lane's
 * transaction waits while the others commit messages delivered before and after it on the same
 * channel; then the connection drops, as it does when the JVM is killed.
 */
class AcknowledgementIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure(LedgerApplication.TOPOLOGY);

    @Test
    void noAcknowledgementCoversAMessageWhoseTransactionHasNotCommitted() {
        var ledger = new LedgerFixture(infra);
        try (var broker = new TcpProxy(infra.rabbitHost, infra.rabbitPort);
                var app = ledger.start(infra.serviceProperties("ledger", infra.pgPort, broker.port()))) {
            int lanes = app.getBean(MessagingProperties.class).consumer().lanes();
            UUID heldOrder = UUID.randomUUID();
            app.getBean(Ledger.class).hold(heldOrder);

            List<UUID> others = new ArrayList<>(bookInOtherLanes(ledger, heldOrder, lanes, 10));
            UUID held = UUID.randomUUID();
            ledger.publish(held.toString(), LedgerFixture.amountBooked(held, heldOrder, 1, 0));
            others.addAll(bookInOtherLanes(ledger, heldOrder, lanes, 10));

            await().atMost(Duration.ofSeconds(20)).until(() -> handled(app) >= others.size());
            assertThat(entries(ledger, others)).isEqualTo(others.size());

            broker.cut();
            // The broker takes back what was not acknowledged: the held message, and only it.
            // (While the connection is cut, Spring AMQP's own threads fail to reconnect and say so
            // with exceptions nobody catches: those are the cut, not what this test checks.)
            await().atMost(Duration.ofSeconds(10))
                    .dontCatchUncaughtExceptions()
                    .until(() -> ledger.messagesIn(LedgerApplication.QUEUE) == 1);

            // Its transaction now commits, but its ack cannot reach the broker: it comes again.
            app.getBean(Ledger.class).release(heldOrder);
            broker.restore();
            await().atMost(Duration.ofSeconds(30))
                    .dontCatchUncaughtExceptions()
                    .until(() ->
                            ledger.messagesIn(LedgerApplication.QUEUE) == 0 && entries(ledger, List.of(held)) == 1);
            assertThat(entries(ledger, others)).isEqualTo(others.size());
        }
    }

    private static List<UUID> bookInOtherLanes(LedgerFixture ledger, UUID heldOrder, int lanes, int count) {
        int heldLane = lane(heldOrder, lanes);
        List<UUID> booked = new ArrayList<>();
        while (booked.size() < count) {
            UUID orderId = UUID.randomUUID();
            if (lanes == 1 || lane(orderId, lanes) != heldLane) {
                UUID eventId = UUID.randomUUID();
                ledger.publish(eventId.toString(), LedgerFixture.amountBooked(eventId, orderId, 1, 0));
                booked.add(eventId);
            }
        }
        return booked;
    }

    private static int lane(UUID orderId, int lanes) {
        return Math.floorMod(orderId.toString().hashCode(), lanes);
    }

    private static double handled(ConfigurableApplicationContext app) {
        var counter = app.getBean(MeterRegistry.class)
                .find("shop.consumer.messages")
                .tag("outcome", "handled")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static long entries(LedgerFixture ledger, List<UUID> eventIds) {
        return eventIds.stream()
                .mapToLong(
                        eventId -> ledger.count("SELECT count(*) FROM ledger_entry WHERE event_id = '" + eventId + "'"))
                .sum();
    }
}
