package shop.loadtest.chaos;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop's vhost on RabbitMQ, reached the way an operator would: AMQP for messages and exact
 * queue depths, the management API for what is declared. Every call opens its own connection,
 * so that a broker restart between calls does not matter.
 */
final class Broker {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEAD_LETTER_SUFFIX = ".dlq";
    /** The audit queues overflow into their own dead-letter queues; that is not a failed message. */
    private static final String AUDIT_PREFIX = "saga.";

    private final URI amqp;
    private final URI management;
    private final String vhost;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Broker(URI amqp, URI management) {
        this.amqp = amqp;
        this.management = management;
        String path = amqp.getPath() == null || amqp.getPath().length() <= 1
                ? "/"
                : amqp.getPath().substring(1);
        this.vhost = path;
        String userInfo = amqp.getUserInfo() == null ? "guest:guest" : amqp.getUserInfo();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** Work on a channel of a fresh connection, with publisher confirms on. */
    interface ChannelWork<T> {
        T on(Channel channel) throws Exception;
    }

    <T> Mono<T> withChannel(ChannelWork<T> work) {
        return Mono.fromCallable(() -> {
                    ConnectionFactory factory = new ConnectionFactory();
                    factory.setUri(amqp);
                    factory.setAutomaticRecoveryEnabled(false);
                    try (Connection connection = factory.newConnection("chaos");
                            Channel channel = connection.createChannel()) {
                        channel.confirmSelect();
                        return work.on(channel);
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Messages now waiting in the consumers' dead-letter queues, all together. */
    Mono<Long> deadLetters() {
        return queueNames()
                .flatMap(names -> withChannel(channel -> {
                    long total = 0;
                    for (String name : names) {
                        if (name.endsWith(DEAD_LETTER_SUFFIX) && !name.startsWith(AUDIT_PREFIX)) {
                            total += channel.queueDeclarePassive(name).getMessageCount();
                        }
                    }
                    return total;
                }));
    }

    /** A binding from an exchange to a queue. */
    record Binding(String queue, String routingKey) {

        boolean takes(String key) {
            return routingKey.equals("#") || routingKey.equals(key);
        }

        boolean isAudit() {
            return queue.startsWith(AUDIT_PREFIX);
        }
    }

    Mono<List<Binding>> bindings(String exchange) {
        return get("/api/exchanges/" + encode(vhost) + "/" + encode(exchange) + "/bindings/source")
                .map(array -> {
                    List<Binding> bindings = new ArrayList<>();
                    for (JsonNode binding : array) {
                        if ("queue".equals(binding.path("destination_type").asString())) {
                            bindings.add(new Binding(
                                    binding.path("destination").asString(),
                                    binding.path("routing_key").asString()));
                        }
                    }
                    return bindings;
                });
    }

    private Mono<List<String>> queueNames() {
        return get("/api/queues/" + encode(vhost) + "?columns=name").map(array -> {
            List<String> names = new ArrayList<>();
            array.forEach(queue -> names.add(queue.path("name").asString()));
            return names;
        });
    }

    private Mono<JsonNode> get(String path) {
        return Mono.fromCallable(() -> {
                    HttpRequest request = HttpRequest.newBuilder(management.resolve(path))
                            .header("Authorization", authorization)
                            .timeout(Duration.ofSeconds(10))
                            .build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IOException("the management API answered " + response.statusCode() + " to GET " + path
                                + ": " + response.body());
                    }
                    return JSON.readTree(response.body());
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
