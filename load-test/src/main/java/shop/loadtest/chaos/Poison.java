package shop.loadtest.chaos;

import com.rabbitmq.client.AMQP;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.loadtest.chaos.Broker.Binding;

/**
 * Bad messages on every exchange, each under an event type some service consumes and with the
 * envelope's properties and headers right: one whose body is not JSON, one whose body is JSON
 * that breaks the event's schema. Each consumer queue that receives one must put it in its
 * dead-letter queue and carry on.
 */
record Poison(Broker broker, List<String> exchanges) implements Fault {

    private static final long CONFIRM_TIMEOUT_MILLIS = 30_000;
    private static final List<String> BODIES = List.of(
            "{\"eventId\": \"not json at all",
            "{\"eventId\": 42, \"orderId\": [\"no\"], \"occurredAt\": \"yesterday\"}");

    @Override
    public String name() {
        return "poison";
    }

    @Override
    public Mono<Injected> inject() {
        return Flux.fromIterable(exchanges)
                .concatMap(exchange -> broker.bindings(exchange).flatMap(bindings -> poison(exchange, bindings)))
                .reduce(0, Integer::sum)
                .map(expected -> new Injected(0, expected));
    }

    /** Publishes the bad messages to {@code exchange}; answers how many dead letters they must make. */
    private Mono<Integer> poison(String exchange, List<Binding> bindings) {
        String type = bindings.stream()
                .filter(binding -> !binding.isAudit() && !binding.routingKey().equals("#"))
                .map(Binding::routingKey)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no service consumes from " + exchange));
        long consumers = bindings.stream()
                .filter(binding -> !binding.isAudit() && binding.takes(type))
                .map(Binding::queue)
                .distinct()
                .count();
        return broker.withChannel(channel -> {
            for (String body : BODIES) {
                UUID orderId = UUID.randomUUID();
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                        .messageId(UUID.randomUUID().toString())
                        .type(type)
                        .contentType("application/json")
                        .timestamp(new Date())
                        .deliveryMode(2)
                        .headers(Map.of("orderId", orderId.toString(), "schemaVersion", 1))
                        .build();
                channel.basicPublish(exchange, type, properties, body.getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
            return (int) (BODIES.size() * consumers);
        });
    }
}
