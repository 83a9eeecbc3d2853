package shop.loadtest.placing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import shop.loadtest.placing.RetryPolicy.Decision;
import shop.loadtest.shop.Answer;

/**
 * Repeats one POST, unchanged (same body, same Idempotency-Key), until its answer is definite
 * or {@code giveUpAfter} has passed; then the outcome is unknown and says so.
 */
public final class Persistent {

    private static final long NOT_YET = Long.MAX_VALUE;

    private final RetryPolicy policy;
    private final Scheduler timer;
    /** When the known outage ended, in the timer's milliseconds; {@link #NOT_YET} while it lasts. */
    private volatile long calmSinceMillis = NOT_YET;

    public Persistent(RetryPolicy policy, Scheduler timer) {
        this(policy, timer, Mono.empty());
    }

    /**
     * A client told when a known outage ends ({@code calm} completes): the time before that does
     * not count against its patience, so an order placed just before a fault gets as long after
     * the fault to be answered as one placed just after it (as a saga gets as long to finish).
     */
    public Persistent(RetryPolicy policy, Scheduler timer, Mono<?> calm) {
        this.policy = policy;
        this.timer = timer;
        calm.subscribe(ignored -> {}, error -> calmNow(), this::calmNow);
    }

    public Mono<Answer> post(Supplier<Mono<Answer>> request, Duration giveUpAfter) {
        return Mono.defer(() -> attempt(request, 1, timer.now(TimeUnit.MILLISECONDS), giveUpAfter.toMillis()));
    }

    private Mono<Answer> attempt(Supplier<Mono<Answer>> request, int attempt, long firstMillis, long patienceMillis) {
        return Mono.defer(request)
                .map(answer -> policy.decide(answer, attempt))
                .onErrorResume(error -> Mono.just(policy.decide(error, attempt)))
                .flatMap(decision -> {
                    if (decision instanceof Decision.Definite definite) {
                        return Mono.just(definite.answer());
                    }
                    Decision.Retry retry = (Decision.Retry) decision;
                    long now = timer.now(TimeUnit.MILLISECONDS);
                    long calmSince = calmSinceMillis;
                    if (calmSince != NOT_YET
                            && now + retry.after().toMillis() > Math.max(firstMillis, calmSince) + patienceMillis) {
                        return Mono.error(new NoDefiniteAnswer(attempt, retry.because()));
                    }
                    return Mono.delay(retry.after(), timer)
                            .then(attempt(request, attempt + 1, firstMillis, patienceMillis));
                });
    }

    private void calmNow() {
        calmSinceMillis = timer.now(TimeUnit.MILLISECONDS);
    }
}
