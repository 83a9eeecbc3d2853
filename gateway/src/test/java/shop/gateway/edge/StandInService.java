package shop.gateway.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A stand-in for one of the services behind the gateway: a real HTTP server on a random port that
 * records what reached it and answers as the test says, including not at all.
 */
final class StandInService implements AutoCloseable {

    /** A request as the service received it. */
    record Received(String method, String uri, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final DisposableServer server;

    StandInService(BiFunction<Received, HttpServerResponse, Publisher<Void>> answer) {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            Map<String, String> headers = new HashMap<>();
                            request.requestHeaders()
                                    .forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                            Received seen = new Received(request.method().name(), request.uri(), headers, body);
                            received.add(seen);
                            return Mono.from(answer.apply(seen, response));
                        }))
                .bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String method, String uri) {
        return received.stream()
                .filter(r -> r.method().equals(method) && r.uri().equals(uri))
                .toList();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(2));
    }

    static Publisher<Void> json(HttpServerResponse response, int status, String body) {
        return response.status(status)
                .header("Content-Type", "application/json")
                .sendString(Mono.just(body));
    }

    static Publisher<Void> problem(HttpServerResponse response, int status, String body) {
        return response.status(status)
                .header("Content-Type", "application/problem+json")
                .sendString(Mono.just(body));
    }

    /** The service dies with the request in hand: the connection closes without an answer. */
    static Publisher<Void> die(HttpServerResponse response) {
        return Mono.fromRunnable(() -> response.withConnection(Connection::dispose));
    }

    /** A URL where nothing listens: a service that is down. */
    static String downUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
