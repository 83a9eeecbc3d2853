package shop.loadtest.chaos;

import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Real messages delivered twice: what the exchanges carry for a few seconds is copied (into a
 * queue of the harness's own, bound to every exchange) and published again, unchanged: same
 * message id, properties, headers, routing key and body.
 */
record DuplicateDelivery(Broker broker, List<String> exchanges, Duration copyFor, int maxCopies) implements Fault {

    private static final long CONFIRM_TIMEOUT_MILLIS = 30_000;

    @Override
    public String name() {
        return "duplicates";
    }

    @Override
    public Mono<Injected> inject() {
        return broker.withChannel(channel -> {
            // exclusive: the broker removes it with this connection, whatever happens to the harness
            String copies = channel.queueDeclare("", false, true, true, null).getQueue();
            for (String exchange : exchanges) {
                channel.queueBind(copies, exchange, "#");
            }
            // a time window, not a wait for a condition: the copies are whatever flowed meanwhile
            Thread.sleep(copyFor.toMillis());
            for (String exchange : exchanges) {
                channel.queueUnbind(copies, exchange, "#");
            }
            List<GetResponse> copied = new ArrayList<>();
            GetResponse message;
            while (copied.size() < maxCopies && (message = channel.basicGet(copies, true)) != null) {
                copied.add(message);
            }
            for (GetResponse copy : copied) {
                channel.basicPublish(
                        copy.getEnvelope().getExchange(),
                        copy.getEnvelope().getRoutingKey(),
                        copy.getProps(),
                        copy.getBody());
            }
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
            return new Injected(copied.size(), 0);
        });
    }
}
