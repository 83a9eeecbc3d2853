package shop.gateway.edge;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpMethod;
import reactor.netty.http.client.PrematureCloseException;

/**
 * What a failed call to a service means for the client. The line that matters is whether the
 * request reached the service: if it never did (refused, breaker open) the client may simply come
 * back later (503 with Retry-After); if it might have, a write's outcome is unknown (504), and only
 * a retry with the same Idempotency-Key is safe.
 */
final class UpstreamFailures {

    private UpstreamFailures() {}

    /** A failure of the connection or of the service's timeliness, as opposed to a refusal by the edge. */
    static boolean isTransportFailure(Throwable error) {
        return causedBy(error, IOException.class)
                || causedBy(error, TimeoutException.class)
                // the gateway's response timeout raises its own TimeoutException type
                || causedBy(error, org.springframework.cloud.gateway.support.TimeoutException.class);
    }

    /** The request surely did not reach the service. */
    static boolean neverReached(Throwable error) {
        return error instanceof CallNotPermittedException || causedBy(error, ConnectException.class);
    }

    /**
     * The connection was refused or cut before any answer began: worth trying again at once for an
     * idempotent read. Not a connect timeout: a host that let one pass is not back 100 ms later,
     * and waiting again would hold the client past the second or two it should wait for its 503.
     */
    static boolean connectionFailed(Throwable error) {
        return (causedBy(error, ConnectException.class) && !causedBy(error, ConnectTimeoutException.class))
                || causedBy(error, PrematureCloseException.class);
    }

    static Throwable translate(Throwable error, String service, HttpMethod method, Duration retryAfter) {
        if (error instanceof CallNotPermittedException) {
            return Problems.serviceUnavailable(service, "is unavailable: its circuit breaker is open", retryAfter);
        }
        if (!isTransportFailure(error)) {
            return error;
        }
        if (neverReached(error)) {
            return Problems.serviceUnavailable(service, "cannot be reached", retryAfter);
        }
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return Problems.noAnswer(service);
        }
        return Problems.outcomeUnknown(service);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
