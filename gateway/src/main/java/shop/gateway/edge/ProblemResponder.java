package shop.gateway.edge;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers as RFC 9457 {@code application/problem+json} the errors raised before a request reaches
 * a handler (the edge's web filters: rate limit, body size) and any other error that escapes the
 * platform's {@code ProblemResponses} advice, which renders those raised by routes and handlers.
 * Ordered before Boot's default handler, whose JSON error page is not a problem document.
 */
@Component
@Order(-2)
class ProblemResponder implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponder.class);

    private final JsonMapper json;

    ProblemResponder(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ServerHttpRequest request = exchange.getRequest();
        ProblemDetail problem;
        HttpHeaders headers = new HttpHeaders();
        if (error instanceof ErrorResponse known) {
            problem = known.getBody();
            headers.putAll(known.getHeaders());
        } else {
            log.error("Unexpected failure answering {} {}", request.getMethod(), request.getPath(), error);
            problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred");
        }
        // headers set for the answer that failed (length, type) do not describe this one
        response.getHeaders().clear();
        response.getHeaders().putAll(headers);
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(document(problem, request));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** The problem's members as Spring renders a {@link ProblemDetail}: absent members are left out. */
    private static Map<String, Object> document(ProblemDetail problem, ServerHttpRequest request) {
        Map<String, Object> document = new LinkedHashMap<>();
        if (problem.getType() != null) {
            document.put("type", problem.getType().toString());
        }
        document.put(
                "title",
                problem.getTitle() == null
                        ? HttpStatus.valueOf(problem.getStatus()).getReasonPhrase()
                        : problem.getTitle());
        document.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            document.put("detail", problem.getDetail());
        }
        URI instance = problem.getInstance();
        document.put("instance", instance == null ? request.getPath().value() : instance.toString());
        if (problem.getProperties() != null) {
            document.putAll(problem.getProperties());
        }
        return document;
    }
}
