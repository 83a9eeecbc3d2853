package shop.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import shop.platform.sample.LedgerApplication;
import shop.platform.sample.LedgerFixture;
import shop.platform.testing.TestInfrastructure;

/** A service that starts while its queue is full, as after a crash under load. */
class ConsumerRestartIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure(LedgerApplication.TOPOLOGY);

    @Test
    void messagesDeliveredWhileTheServiceIsStillStartingAreAllHandled() {
        var ledger = new LedgerFixture(infra);
        // a first start migrates the database; what is published next waits in the queue
        ledger.start().close();
        int waiting = 300;
        for (int i = 0; i < waiting; i++) {
            ledger.book(1, 0);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.messagesIn(LedgerApplication.QUEUE) == waiting);

        try (ConfigurableApplicationContext restarted = infra.start(
                LedgerApplication.builder()
                        .initializers(context -> context.getBeanFactory()
                                .registerSingleton(
                                        "slowToStart",
                                        new StartsOnceDelivering(
                                                () -> ledger.messagesIn(LedgerApplication.QUEUE) < waiting))),
                infra.serviceProperties("ledger"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.ledgerEntries() == waiting);
            await().atMost(Duration.ofSeconds(10)).until(() -> ledger.messagesIn(LedgerApplication.QUEUE) == 0);
        }
        assertThat(ledger.ledgerEntries()).isEqualTo(waiting);
    }

    /**
     * Starts after the bindings, as a web server does, and not before they have taken messages
     * from the queue: the deliveries certainly arrive while the service is still starting.
     */
    static final class StartsOnceDelivering implements SmartLifecycle {

        private final BooleanSupplier delivering;
        private volatile boolean running;

        StartsOnceDelivering(BooleanSupplier delivering) {
            this.delivering = delivering;
        }

        @Override
        public void start() {
            await().atMost(Duration.ofSeconds(20)).until(delivering::getAsBoolean);
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 1;
        }
    }
}
