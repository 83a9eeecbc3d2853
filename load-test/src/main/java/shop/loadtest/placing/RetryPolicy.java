package shop.loadtest.placing;

import java.time.Duration;
import shop.loadtest.shop.Answer;

/**
 * Decides whether a POST's outcome is known. Only a 2xx or a 4xx that is not about timing is
 * definite; everything else (504 "outcome unknown", 503, 429, other 5xx, a connection error or a
 * timeout) may or may not have placed the order, so the same request is sent again with the same
 * Idempotency-Key, after the Retry-After the server asked for or an exponential backoff.
 */
public final class RetryPolicy {

    private final Duration firstBackoff;
    private final Duration maxBackoff;

    public RetryPolicy(Duration firstBackoff, Duration maxBackoff) {
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    /** What to do after attempt number {@code attempt} (1 for the first) got {@code answer}. */
    public Decision decide(Answer answer, int attempt) {
        int status = answer.status();
        boolean definite = (status >= 200 && status < 300) || (status >= 400 && status < 500 && !aboutTiming(status));
        if (definite) {
            return new Decision.Definite(answer);
        }
        return new Decision.Retry(answer.retryAfter().orElseGet(() -> backoff(attempt)), "HTTP " + status);
    }

    /** What to do after attempt number {@code attempt} failed without an answer. */
    public Decision decide(Throwable error, int attempt) {
        return new Decision.Retry(backoff(attempt), error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    /** 429 Too Many Requests and 408 Request Timeout say "not now", not "never". */
    private static boolean aboutTiming(int status) {
        return status == 429 || status == 408;
    }

    Duration backoff(int attempt) {
        Duration delay = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** Either the answer is final, or the request must be repeated after a delay. */
    public sealed interface Decision {

        record Definite(Answer answer) implements Decision {}

        record Retry(Duration after, String because) implements Decision {}
    }
}
