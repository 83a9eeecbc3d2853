package shop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.http.client.PrematureCloseException;

class UpstreamFailuresTests {

    static final Duration RETRY_AFTER = Duration.ofMillis(4500);

    @Test
    void aRefusedConnectionIsUnavailableForAnyMethod() {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST}) {
            ErrorResponseException problem = translate(new ConnectException("Connection refused"), method);
            assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(problem.getBody().getDetail()).isEqualTo("order-service cannot be reached");
        }
    }

    @Test
    void onlyARefusedOrCutConnectionIsWorthRetryingAtOnce() {
        assertThat(UpstreamFailures.connectionFailed(new ConnectException("Connection refused")))
                .isTrue();
        assertThat(UpstreamFailures.connectionFailed(PrematureCloseException.TEST_EXCEPTION))
                .isTrue();
        assertThat(UpstreamFailures.connectionFailed(new ConnectTimeoutException("connection timed out")))
                .isFalse();
        assertThat(UpstreamFailures.connectionFailed(new TimeoutException("late")))
                .isFalse();
    }

    @Test
    void anOpenBreakerIsUnavailable() {
        var open =
                CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("order-service"));
        ErrorResponseException problem = translate(open, HttpMethod.POST);
        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.getBody().getDetail())
                .isEqualTo("order-service is unavailable: its circuit breaker is open");
    }

    @Test
    void aWriteThatTimedOutHasAnUnknownOutcomeAndAReadSimplyNoAnswer() {
        var timedOut = new ResponseStatusException(
                HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout", new TimeoutException("late"));
        var routingTimedOut = new ResponseStatusException(
                HttpStatus.GATEWAY_TIMEOUT,
                "Response took longer than timeout",
                new org.springframework.cloud.gateway.support.TimeoutException("late"));
        assertThat(translate(routingTimedOut, HttpMethod.POST).getBody().getDetail())
                .endsWith("outcome unknown: retry with the same Idempotency-Key");
        ErrorResponseException write = translate(timedOut, HttpMethod.POST);
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(write.getBody().getDetail())
                .isEqualTo("order-service did not answer: outcome unknown: retry with the same Idempotency-Key");
        ErrorResponseException read = translate(timedOut, HttpMethod.GET);
        assertThat(read.getBody().getDetail()).isEqualTo("order-service did not answer in time");
    }

    @Test
    void theEdgesOwnRefusalsAreNotTransportFailures() {
        var tooLarge = Problems.payloadTooLarge(DataSize.ofMegabytes(1));
        assertThat(UpstreamFailures.isTransportFailure(tooLarge)).isFalse();
        assertThat(UpstreamFailures.translate(tooLarge, "order-service", HttpMethod.POST, RETRY_AFTER))
                .isSameAs(tooLarge);
    }

    private static ErrorResponseException translate(Throwable error, HttpMethod method) {
        return (ErrorResponseException) UpstreamFailures.translate(error, "order-service", method, RETRY_AFTER);
    }
}
