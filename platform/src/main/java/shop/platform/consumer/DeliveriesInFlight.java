package shop.platform.consumer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;

/**
 * Counts the messages being handled, and on shutdown stops taking new ones and waits for those
 * in flight to commit and be acknowledged before the bindings close their channels. It stops
 * first of all lifecycle beans; a message that arrives while it drains stays unacknowledged and
 * is redelivered.
 *
 * <p>It takes messages from the moment it exists. Its phase makes it start last, after the
 * bindings, which deliver at once when their queues are full (a restart under load): a message
 * turned away then would stay unacknowledged on an open channel, never handled and never
 * redelivered, and with a full prefetch of them the queue would stall.
 */
public class DeliveriesInFlight implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveriesInFlight.class);

    private final AtomicInteger count = new AtomicInteger();
    private final Duration drainTimeout;
    private volatile boolean accepting = true;

    public DeliveriesInFlight(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    boolean enter() {
        if (!accepting) {
            return false;
        }
        count.incrementAndGet();
        return true;
    }

    void exit() {
        count.decrementAndGet();
    }

    public int count() {
        return count.get();
    }

    @Override
    public void start() {
        accepting = true;
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("stopped asynchronously through stop(Runnable)");
    }

    @Override
    public void stop(Runnable callback) {
        accepting = false;
        Flux.interval(Duration.ofMillis(20))
                .filter(tick -> count.get() == 0)
                .next()
                .timeout(drainTimeout)
                .subscribe(tick -> callback.run(), timeout -> {
                    log.warn(
                            "{} message(s) still in flight after {}: they will be redelivered",
                            count.get(),
                            drainTimeout);
                    callback.run();
                });
    }

    @Override
    public boolean isRunning() {
        return accepting;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
