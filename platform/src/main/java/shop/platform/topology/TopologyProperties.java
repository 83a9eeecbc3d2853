package shop.platform.topology;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The messaging graph ({@code shop.topology.*}): the exchanges and every durable queue bound to
 * them. Every service declares all of it at start-up, so that whichever starts first, no event
 * is published to an exchange whose queues do not exist yet.
 *
 * @param deliveryLimit redeliveries after which the broker itself dead-letters a message
 */
@ConfigurationProperties("shop.topology")
public record TopologyProperties(
        @DefaultValue List<String> exchanges,
        @DefaultValue List<QueueSpec> queues,
        @DefaultValue("20") int deliveryLimit) {

    /**
     * @param maxLength bounds a queue nobody consumes (an audit queue): the oldest messages make room
     */
    public record QueueSpec(String name, @DefaultValue List<BindingSpec> bindings, Long maxLength) {}

    public record BindingSpec(String exchange, @DefaultValue List<String> keys) {}
}
