package shop.platform.deadletter;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import shop.platform.event.HeaderNames;
import shop.platform.topology.TopologyProperties;

/**
 * Reads and replays the {@code <queue>.dlq} queues, on a connection of its own. Listing takes
 * messages without acknowledging them and gives them back when its channel closes. A replay
 * publishes a copy to the queue the message failed in, waits for the broker's confirm, and only
 * then removes the dead letter, so a failure in between leaves it where it was. Each call looks
 * at no more messages than the queue held when it began, so a message that fails again on
 * replay is not replayed in a loop.
 */
public class DeadLetterQueues {

    private static final int MAX_LISTED = 100;
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final ConnectionFactory connections;
    private final TopologyProperties topology;

    /** @param connections the broker's own client factory (not Spring's caching one: channels here are closed for real) */
    public DeadLetterQueues(ConnectionFactory connections, TopologyProperties topology) {
        this.connections = connections;
        this.topology = topology;
    }

    /**
     * The first dead letters of each consumer queue that has any. Bounded audit queues have no
     * dead-letter queue: they drop their oldest messages.
     */
    public Map<String, List<DeadLetter>> list() throws IOException, TimeoutException {
        Map<String, List<DeadLetter>> all = new LinkedHashMap<>();
        try (Connection connection = connections.newConnection("dead-letters")) {
            for (var queue : topology.queues()) {
                if (queue.maxLength() != null) {
                    continue;
                }
                try (Channel channel = connection.createChannel()) {
                    List<DeadLetter> letters = peek(channel, queue.name() + ".dlq");
                    if (!letters.isEmpty()) {
                        all.put(queue.name(), letters);
                    }
                }
            }
        }
        return all;
    }

    /** Replays the dead letters of a consumer queue (all, or the one with {@code messageId}); answers how many. */
    public int replay(String queue, String messageId) throws IOException, TimeoutException, InterruptedException {
        if (topology.queues().stream().noneMatch(spec -> spec.name().equals(queue))) {
            throw new IllegalArgumentException("no queue " + queue + " in the topology");
        }
        try (Connection connection = connections.newConnection("dead-letters");
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            long waiting = channel.messageCount(queue + ".dlq");
            int replayed = 0;
            for (long seen = 0; seen < waiting; seen++) {
                GetResponse response = channel.basicGet(queue + ".dlq", false);
                if (response == null) {
                    break;
                }
                var properties = response.getProps();
                if (messageId != null && !messageId.equals(properties.getMessageId())) {
                    continue;
                }
                channel.basicPublish("", queue, true, properties, response.getBody());
                channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
                channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                replayed++;
            }
            return replayed;
        }
    }

    private static List<DeadLetter> peek(Channel channel, String deadLetterQueue) throws IOException {
        List<DeadLetter> letters = new ArrayList<>();
        long waiting = Math.min(MAX_LISTED, channel.messageCount(deadLetterQueue));
        for (long seen = 0; seen < waiting; seen++) {
            GetResponse response = channel.basicGet(deadLetterQueue, false);
            if (response == null) {
                break;
            }
            var properties = response.getProps();
            Map<String, Object> headers = properties.getHeaders() == null ? Map.of() : properties.getHeaders();
            letters.add(new DeadLetter(
                    properties.getMessageId(),
                    properties.getType(),
                    text(headers.get(HeaderNames.ORDER_ID)),
                    text(headers.get(HeaderNames.EXCEPTION_TYPE)),
                    text(headers.get(HeaderNames.EXCEPTION_MESSAGE)),
                    text(headers.get(HeaderNames.ORIGINAL_EXCHANGE)),
                    text(headers.get(HeaderNames.ORIGINAL_ROUTING_KEY)),
                    new String(response.getBody(), StandardCharsets.UTF_8)));
        }
        return letters;
    }

    private static String text(Object header) {
        return header == null ? null : header.toString();
    }
}
