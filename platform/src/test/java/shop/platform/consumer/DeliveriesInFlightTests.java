package shop.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DeliveriesInFlightTests {

    @Test
    void takesDeliveriesBeforeItsLifecycleStartBecauseBindingsDeliverFirst() {
        var inFlight = new DeliveriesInFlight(Duration.ofSeconds(5));

        assertThat(inFlight.enter()).isTrue();
        assertThat(inFlight.count()).isEqualTo(1);
        assertThat(inFlight.isRunning()).isTrue();
    }

    @Test
    void onShutdownTurnsNewDeliveriesAwayAndLetsTheBindingsStopOnceThoseInFlightAreDone() {
        var inFlight = new DeliveriesInFlight(Duration.ofSeconds(30));
        inFlight.enter();
        var stopped = new AtomicBoolean();

        inFlight.stop(() -> stopped.set(true));

        assertThat(inFlight.enter()).isFalse();
        assertThat(inFlight.isRunning()).isFalse();
        assertThat(stopped).isFalse();
        inFlight.exit();
        await().atMost(Duration.ofSeconds(5)).untilTrue(stopped);
        assertThat(inFlight.count()).isZero();
    }

    @Test
    void aDeliveryThatNeverFinishesDelaysShutdownOnlyUntilTheDrainTimeout() {
        var inFlight = new DeliveriesInFlight(Duration.ofMillis(200));
        inFlight.enter();
        var stopped = new AtomicBoolean();

        inFlight.stop(() -> stopped.set(true));

        await().atMost(Duration.ofSeconds(5)).untilTrue(stopped);
        assertThat(inFlight.count()).isEqualTo(1);
    }
}
