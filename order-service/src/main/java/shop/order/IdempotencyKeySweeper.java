package shop.order;

import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import shop.platform.BackgroundWork;

/** Deletes Idempotency-Keys older than their retention, every sweep interval while the service runs. */
@Component
class IdempotencyKeySweeper extends BackgroundWork {

    private final IdempotencyKeys keys;
    private final IdempotencyProperties properties;

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
    protected Disposable begin() {
        return every(properties.sweepInterval(), "Idempotency-Key sweep", this::sweep);
    }
}
