package shop.platform.topology;

import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * Turns {@link TopologyProperties} into declarations. Each consumer queue is a quorum queue with
 * a delivery limit whose dead letters go to {@code <queue>.dlq}, a quorum queue too. A bounded
 * queue (an audit queue nobody consumes) drops its oldest messages without dead-lettering them:
 * on RabbitMQ 3.10 each drop would otherwise be republished, on every event once it is full.
 * Only the {@link TopologyDeclarer} declares them; services check them ({@link TopologyCheck}).
 */
public final class Topology {

    private Topology() {}

    public static Declarables declarables(TopologyProperties properties) {
        List<Declarable> declarables = new ArrayList<>();
        List<String> exchanges = properties.exchanges();
        for (String exchange : exchanges) {
            declarables.add(new TopicExchange(exchange, true, false));
        }
        for (var spec : properties.queues()) {
            Queue queue;
            if (spec.maxLength() != null) {
                queue = QueueBuilder.durable(spec.name())
                        .quorum()
                        .maxLength(spec.maxLength())
                        .build();
                declarables.add(queue);
            } else {
                queue = QueueBuilder.durable(spec.name())
                        .quorum()
                        .deliveryLimit(properties.deliveryLimit())
                        .deadLetterExchange("")
                        .deadLetterRoutingKey(spec.name() + ".dlq")
                        .build();
                declarables.add(queue);
                declarables.add(
                        QueueBuilder.durable(spec.name() + ".dlq").quorum().build());
            }
            for (var binding : spec.bindings()) {
                if (!exchanges.contains(binding.exchange())) {
                    throw new IllegalArgumentException(
                            spec.name() + " is bound to an undeclared exchange " + binding.exchange());
                }
                for (String key : binding.keys()) {
                    declarables.add(bind(queue, binding.exchange(), key));
                }
            }
        }
        return new Declarables(declarables);
    }

    private static Binding bind(Queue queue, String exchange, String key) {
        return BindingBuilder.bind(queue)
                .to(new TopicExchange(exchange, true, false))
                .with(key);
    }
}
