package shop.gateway.edge;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/** The errors the edge itself answers; {@link ProblemResponder} writes them as problem+json. */
final class Problems {

    private Problems() {}

    static ErrorResponseException serviceUnavailable(String service, String detail, Duration retryAfter) {
        ErrorResponseException problem =
                problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", service + " " + detail);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, seconds(retryAfter));
        return problem;
    }

    static ErrorResponseException outcomeUnknown(String service) {
        return problem(
                HttpStatus.GATEWAY_TIMEOUT,
                "Outcome unknown",
                service + " did not answer: outcome unknown: retry with the same Idempotency-Key");
    }

    static ErrorResponseException noAnswer(String service) {
        return problem(HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout", service + " did not answer in time");
    }

    static ErrorResponseException tooManyRequests(Duration retryAfter) {
        ErrorResponseException problem = problem(
                HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "this client's request rate limit is exhausted");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, seconds(retryAfter));
        return problem;
    }

    static ErrorResponseException payloadTooLarge(DataSize limit) {
        return problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body too large",
                "the request body exceeds " + limit.toBytes() + " bytes");
    }

    static ErrorResponseException unsupportedMediaType(String contentType) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type",
                "the body must be application/json, not " + (contentType == null ? "unspecified" : contentType));
    }

    static ErrorResponseException malformedJson(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }

    /** Retry-After is whole seconds; round up so a client never comes back too early. */
    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
