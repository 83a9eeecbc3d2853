package shop.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
    static final TestInfrastructure infra = new TestInfrastructure();

    @Test
    void messagesDeliveredWhileTheServiceIsStillStartingAreAllHandled() {
        var ledger = new LedgerFixture(infra);
        // the first start declares the topology, so that what is published next waits in the queue
        ledger.start().close();
        int waiting = 300;
        for (int i = 0; i < waiting; i++) {
            ledger.book(1, 0);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.messagesIn(LedgerApplication.QUEUE) == waiting);

        try (ConfigurableApplicationContext restarted = infra.start(
                LedgerApplication.builder()
                        .initializers(context ->
                                context.getBeanFactory().registerSingleton("slowToStart", new SlowToStart())),
                infra.serviceProperties("ledger"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.ledgerEntries() == waiting);
            await().atMost(Duration.ofSeconds(10)).until(() -> ledger.messagesIn(LedgerApplication.QUEUE) == 0);
        }
        assertThat(ledger.ledgerEntries()).isEqualTo(waiting);
    }

    /**
     * Starts after the bindings, as a web server does, and takes its time: the bindings already
     * deliver while it starts.
     */
    static final class SlowToStart implements SmartLifecycle {

        private volatile boolean running;

        @Override
        public void start() {
            try {
                Thread.sleep(1_000); // the start-up work of a slow component, not a wait for a condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
