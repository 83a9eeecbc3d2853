package shop.loadtest;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A stand-in for the gateway on a random port: each request to a path gets the next scripted
 * answer for it (the last one repeats), and every request is recorded with its Idempotency-Key.
 */
public final class FakeGateway implements AutoCloseable {

    /** One scripted answer. */
    public record Scripted(int status, Map<String, String> headers, String contentType, String body) {

        public static Scripted json(int status, String body) {
            return new Scripted(status, Map.of(), "application/json", body);
        }

        public static Scripted events(String body) {
            return new Scripted(200, Map.of(), "text/event-stream", body);
        }

        public Scripted with(String header, String value) {
            return new Scripted(status, Map.of(header, value), contentType, body);
        }
    }

    /** A request as it arrived. */
    public record Received(String method, String path, String idempotencyKey) {}

    private final Map<String, Deque<Scripted>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    public FakeGateway() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(this::answer)
                .bindNow();
    }

    public FakeGateway script(String method, String path, Scripted... answers) {
        scripts.put(method + " " + path, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public List<Received> received() {
        return received;
    }

    private Publisher<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        String path = request.uri().replaceAll("\\?.*", "");
        received.add(new Received(
                request.method().name(), path, request.requestHeaders().get("Idempotency-Key")));
        Deque<Scripted> script = scripts.get(request.method().name() + " " + path);
        if (script == null) {
            return response.status(HttpResponseStatus.NOT_FOUND).send();
        }
        Scripted next;
        synchronized (script) {
            next = script.size() > 1 ? script.poll() : script.peek();
        }
        response.status(next.status()).header("Content-Type", next.contentType());
        next.headers().forEach(response::header);
        // read the request body first, so that the connection can be reused
        return request.receive()
                .then()
                .then(response.sendString(Mono.just(next.body())).then());
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
