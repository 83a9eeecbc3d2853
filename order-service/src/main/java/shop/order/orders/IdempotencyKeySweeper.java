package shop.order.orders;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deletes Idempotency-Keys older than their retention, every sweep interval while the service runs. */
@Component
class IdempotencyKeySweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeySweeper.class);

    private final IdempotencyKeys keys;
    private final IdempotencyProperties properties;
    private volatile Disposable running;

    IdempotencyKeySweeper(IdempotencyKeys keys, IdempotencyProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    /** Deletes every expired key, a batch at a time; answers how many. */
    Mono<Long> sweep() {
        Instant before = Instant.now().minus(properties.retention());
        return keys.deleteCreatedBefore(before)
                .expand(deleted ->
                        deleted == IdempotencyKeys.SWEEP_BATCH ? keys.deleteCreatedBefore(before) : Mono.empty())
                .reduce(0L, Long::sum);
    }

    @Override
    public void start() {
        running = Flux.interval(properties.sweepInterval())
                // A tick that comes while a sweep still runs is skipped: without this, interval
                // would fail with an overflow and end the sweeps for good.
                .onBackpressureDrop()
                .concatMap(tick -> sweep().onErrorResume(error -> {
                    log.warn(
                            "Idempotency-Key sweep failed, next try in {}: {}",
                            properties.sweepInterval(),
                            error.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        running = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
