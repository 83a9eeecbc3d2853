package shop.loadtest.placing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.loadtest.placing.RetryPolicy.Decision;
import shop.loadtest.shop.Answer;
import shop.loadtest.shop.RetryAfter;

class RetryPolicyTests {

    final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void anAcceptedOrderIsDefinite() {
        Answer accepted = new Answer(202, Optional.empty(), Optional.of(UUID.randomUUID()));

        assertThat(policy.decide(accepted, 1)).isEqualTo(new Decision.Definite(accepted));
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 400, 404, 409, 422})
    void aRefusalIsDefiniteAndNotRepeated(int status) {
        assertThat(policy.decide(Answer.of(status), 1)).isInstanceOf(Decision.Definite.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {504, 503, 502, 500, 429, 408})
    void anAnswerThatLeavesTheOutcomeOpenIsRepeated(int status) {
        assertThat(policy.decide(Answer.of(status), 1)).isInstanceOf(Decision.Retry.class);
    }

    @Test
    void theRetryAfterTheServerAskedForIsHonoured() {
        var tooMany = new Answer(429, Optional.of(Duration.ofSeconds(3)), Optional.empty());
        var down = new Answer(503, Optional.of(Duration.ofSeconds(1)), Optional.empty());

        assertThat(policy.decide(tooMany, 1)).isEqualTo(new Decision.Retry(Duration.ofSeconds(3), "HTTP 429"));
        assertThat(policy.decide(down, 5)).isEqualTo(new Decision.Retry(Duration.ofSeconds(1), "HTTP 503"));
    }

    @Test
    void withoutRetryAfterTheBackoffDoublesUpToItsCap() {
        assertThat(delay(policy.decide(Answer.of(504), 1))).isEqualTo(Duration.ofMillis(100));
        assertThat(delay(policy.decide(Answer.of(504), 2))).isEqualTo(Duration.ofMillis(200));
        assertThat(delay(policy.decide(Answer.of(504), 4))).isEqualTo(Duration.ofMillis(800));
        assertThat(delay(policy.decide(Answer.of(504), 30))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void connectionErrorsAndTimeoutsAreRepeated() {
        assertThat(policy.decide(new ConnectException("Connection refused"), 1))
                .isEqualTo(new Decision.Retry(Duration.ofMillis(100), "ConnectException: Connection refused"));
        assertThat(policy.decide(new TimeoutException("no answer in 10s"), 3)).isInstanceOf(Decision.Retry.class);
        assertThat(policy.decide(new IOException("Connection prematurely closed"), 2))
                .isInstanceOf(Decision.Retry.class);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsADate() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");

        assertThat(RetryAfter.parse("5", now)).contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 12:00:07 GMT", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 11:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }

    private static Duration delay(Decision decision) {
        return ((Decision.Retry) decision).after();
    }
}
