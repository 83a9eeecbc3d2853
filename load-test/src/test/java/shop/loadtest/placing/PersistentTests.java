package shop.loadtest.placing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import shop.loadtest.shop.Answer;

/** The same request is repeated, on virtual time, until its answer is definite. */
class PersistentTests {

    final UUID orderId = UUID.randomUUID();
    final List<Long> sentAtMillis = new ArrayList<>();

    @Test
    void repeatsThroughUnknownOutcomesAndOutagesUntilAccepted() {
        StepVerifier.withVirtualTime(() -> persistent()
                        .post(
                                answers(
                                        Mono.just(Answer.of(504)),
                                        Mono.error(new ConnectException("refused")),
                                        Mono.just(
                                                new Answer(503, Optional.of(Duration.ofSeconds(3)), Optional.empty())),
                                        Mono.just(
                                                new Answer(429, Optional.of(Duration.ofSeconds(1)), Optional.empty())),
                                        Mono.just(new Answer(202, Optional.empty(), Optional.of(orderId)))),
                                Duration.ofSeconds(60)))
                .thenAwait(Duration.ofSeconds(10))
                .assertNext(answer -> assertThat(answer.orderId()).contains(orderId))
                .verifyComplete();

        // 100 ms and 200 ms of backoff, then exactly the 3 s and 1 s the server asked for
        assertThat(sentAtMillis).containsExactly(0L, 100L, 300L, 3300L, 4300L);
    }

    @Test
    void aRefusalEndsTheAttemptsAtOnce() {
        StepVerifier.withVirtualTime(
                        () -> persistent().post(answers(Mono.just(Answer.of(422))), Duration.ofSeconds(60)))
                .assertNext(answer -> assertThat(answer.status()).isEqualTo(422))
                .verifyComplete();

        assertThat(sentAtMillis).hasSize(1);
    }

    @Test
    void givesUpAtTheDeadlineSayingTheOutcomeIsUnknown() {
        Supplier<Mono<Answer>> alwaysUnknown = () -> {
            sentAtMillis.add(VirtualTimeScheduler.get().now(TimeUnit.MILLISECONDS));
            return Mono.just(Answer.of(504));
        };

        StepVerifier.withVirtualTime(() -> persistent().post(alwaysUnknown, Duration.ofSeconds(5)))
                .thenAwait(Duration.ofSeconds(10))
                .expectErrorSatisfies(error ->
                        assertThat(error).isInstanceOf(NoDefiniteAnswer.class).hasMessageContaining("HTTP 504"))
                .verify();

        assertThat(sentAtMillis).last().satisfies(last -> assertThat(last).isLessThanOrEqualTo(5000L));
    }

    @Test
    void theTimeAKnownOutageLastsDoesNotCountAgainstThePatience() {
        Sinks.Empty<Void> outageEnded = Sinks.empty();
        Supplier<Mono<Answer>> alwaysUnknown = () -> {
            sentAtMillis.add(VirtualTimeScheduler.get().now(TimeUnit.MILLISECONDS));
            return Mono.just(Answer.of(503));
        };

        StepVerifier.withVirtualTime(() -> new Persistent(
                                new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(2)),
                                VirtualTimeScheduler.get(),
                                outageEnded.asMono())
                        .post(alwaysUnknown, Duration.ofSeconds(5)))
                .thenAwait(Duration.ofSeconds(20))
                .then(outageEnded::tryEmitEmpty)
                .thenAwait(Duration.ofSeconds(10))
                .expectError(NoDefiniteAnswer.class)
                .verify();

        // still trying 20 s in, five times the patience, and for 5 s more once the outage ended
        assertThat(sentAtMillis).last().satisfies(last -> assertThat(last).isBetween(23000L, 25000L));
    }

    private static Persistent persistent() {
        return new Persistent(
                new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(2)), VirtualTimeScheduler.get());
    }

    /** One answer per attempt, in order, noting when each attempt was sent. */
    @SafeVarargs
    private Supplier<Mono<Answer>> answers(Mono<Answer>... answers) {
        return () -> {
            sentAtMillis.add(VirtualTimeScheduler.get().now(TimeUnit.MILLISECONDS));
            return answers[sentAtMillis.size() - 1];
        };
    }
}
