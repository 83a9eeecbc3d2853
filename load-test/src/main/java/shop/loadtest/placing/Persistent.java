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

    private final RetryPolicy policy;
    private final Scheduler timer;

    public Persistent(RetryPolicy policy, Scheduler timer) {
        this.policy = policy;
        this.timer = timer;
    }

    public Mono<Answer> post(Supplier<Mono<Answer>> request, Duration giveUpAfter) {
        return Mono.defer(() -> attempt(request, 1, timer.now(TimeUnit.MILLISECONDS) + giveUpAfter.toMillis()));
    }

    private Mono<Answer> attempt(Supplier<Mono<Answer>> request, int attempt, long deadlineMillis) {
        return Mono.defer(request)
                .map(answer -> policy.decide(answer, attempt))
                .onErrorResume(error -> Mono.just(policy.decide(error, attempt)))
                .flatMap(decision -> {
                    if (decision instanceof Decision.Definite definite) {
                        return Mono.just(definite.answer());
                    }
                    Decision.Retry retry = (Decision.Retry) decision;
                    long now = timer.now(TimeUnit.MILLISECONDS);
                    if (now + retry.after().toMillis() > deadlineMillis) {
                        return Mono.error(new NoDefiniteAnswer(attempt, retry.because()));
                    }
                    return Mono.delay(retry.after(), timer).then(attempt(request, attempt + 1, deadlineMillis));
                });
    }
}
