package shop.platform.topology;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.rabbit.core.ChannelCallback;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import shop.platform.consumer.EventConsumer;
import shop.platform.outbox.OutboxRelay;

/**
 * Before a service publishes or consumes anything, checks its part of the topology: each of its
 * subscriptions handles exactly the events its queue is bound to, and every queue it depends on
 * exists on the broker, from passive declarations that never create anything. It depends on the
 * queues it consumes from with their dead-letter queues, and on every queue bound to its own
 * exchange: an event published while one of those is missing would be confirmed and yet never
 * reach that consumer. A service that fails the check does not start; while the broker is
 * unreachable it waits for it.
 */
public final class TopologyCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopologyCheck.class);
    private static final Duration BROKER_WAIT = Duration.ofMinutes(2);
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final String service;
    private final String exchange;
    private final TopologyProperties topology;
    private final RabbitTemplate rabbit;
    private final Map<String, EventConsumer> subscriptions;
    private volatile boolean running;

    /**
     * @param exchange the service's own exchange, none when it only consumes
     * @param subscriptions the service's consumers by the name of the queue each consumes from
     */
    public TopologyCheck(
            String service,
            String exchange,
            TopologyProperties topology,
            RabbitTemplate rabbit,
            Map<String, EventConsumer> subscriptions) {
        this.service = service;
        this.exchange = exchange;
        this.topology = topology;
        this.rabbit = rabbit;
        this.subscriptions = subscriptions;
    }

    @Override
    public void start() {
        List<String> problems = subscriptionProblems();
        if (problems.isEmpty()) {
            problems = missingOnBroker();
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(service + " does not match the topology: " + String.join("; ", problems)
                    + ". The topology is declared before the services start (infra/up, or"
                    + " java -cp <service jar> shop.platform.topology.TopologyDeclarer).");
        }
        running = true;
    }

    /** Where this service's configuration and the topology disagree. */
    List<String> subscriptionProblems() {
        List<String> problems = new ArrayList<>();
        String published = topology.services().containsKey(service)
                ? topology.services().get(service).publishes()
                : null;
        if (exchange != null && !exchange.equals(published)) {
            problems.add("it publishes to " + exchange + ", the topology says " + published);
        }
        var queues = topology.queuesOf(service);
        for (var subscription : new TreeMap<>(subscriptions).entrySet()) {
            var queue = queues.get(subscription.getKey());
            if (queue == null) {
                problems.add("it consumes from " + subscription.getKey() + ", which is not in the topology");
                continue;
            }
            Set<String> keys = new TreeSet<>(queue.bindings().get(0).keys());
            Set<String> handled = new TreeSet<>(subscription.getValue().subscribedTypes());
            boolean wildcard = keys.stream().anyMatch(key -> key.contains("#") || key.contains("*"));
            if (!wildcard && !keys.equals(handled)) {
                problems.add(subscription.getKey() + " is bound to " + keys + " but its handlers take " + handled);
            }
        }
        for (String queue : queues.keySet()) {
            if (!subscriptions.containsKey(queue)) {
                problems.add("the topology has it consume from " + queue + ", which it does not subscribe to");
            }
        }
        return problems;
    }

    private List<String> missingOnBroker() {
        Instant giveUp = Instant.now().plus(BROKER_WAIT);
        while (true) {
            try {
                return missing();
            } catch (AmqpConnectException unreachable) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException(
                            "the broker stayed unreachable for " + BROKER_WAIT + " at start-up", unreachable);
                }
                log.warn("Waiting for the broker to check the topology: {}", unreachable.getMessage());
                sleep();
            }
        }
    }

    private List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (exchange != null && !exists(channel -> channel.exchangeDeclarePassive(exchange))) {
            missing.add("exchange " + exchange + " is missing");
        }
        for (String queue : dependedOn()) {
            if (!exists(channel -> channel.queueDeclarePassive(queue))) {
                missing.add("queue " + queue + " is missing");
            }
        }
        return missing;
    }

    private Set<String> dependedOn() {
        Set<String> queues = new LinkedHashSet<>();
        var own = topology.queuesOf(service).keySet();
        for (var queue : topology.queues()) {
            if (own.contains(queue.name()) || (exchange != null && queue.boundTo(exchange))) {
                queues.add(queue.name());
                if (queue.maxLength() == null) {
                    queues.add(queue.name() + ".dlq");
                }
            }
        }
        return queues;
    }

    private boolean exists(ChannelCallback<?> passiveDeclaration) {
        try {
            rabbit.execute(passiveDeclaration);
            return true;
        } catch (AmqpConnectException unreachable) {
            throw unreachable;
        } catch (RuntimeException e) {
            if (notFound(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean notFound(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException shutdown
                    && shutdown.getReason() instanceof AMQP.Channel.Close close
                    && close.getReplyCode() == AMQP.NOT_FOUND) {
                return true;
            }
        }
        return false;
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the relay, which starts before the consumers. */
    @Override
    public int getPhase() {
        return OutboxRelay.PHASE - 1;
    }
}
