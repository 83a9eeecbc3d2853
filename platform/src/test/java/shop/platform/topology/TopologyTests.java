package shop.platform.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import shop.platform.topology.TopologyProperties.BindingSpec;
import shop.platform.topology.TopologyProperties.QueueSpec;

class TopologyTests {

    static final TopologyProperties PROPERTIES = new TopologyProperties(
            List.of("order.events", "payment.events"),
            List.of(
                    new QueueSpec(
                            "order.events.billing",
                            List.of(
                                    new BindingSpec("order.events", List.of("OrderPlaced", "OrderCancelled")),
                                    new BindingSpec("payment.events", List.of("PaymentRefunded"))),
                            null),
                    new QueueSpec("audit", List.of(new BindingSpec("payment.events", List.of("#"))), 100L)),
            7);

    final Declarables declarables = Topology.declarables(PROPERTIES);

    @Test
    void declaresEachExchangeAsADurableTopicExchange() {
        assertThat(declarables.getDeclarablesByType(TopicExchange.class))
                .extracting(TopicExchange::getName, TopicExchange::isDurable, TopicExchange::isAutoDelete)
                .containsExactly(tuple("order.events", true, false), tuple("payment.events", true, false));
    }

    @Test
    void eachQueueIsAQuorumQueueWithADeliveryLimitDeadLetteringToItsDlq() {
        Queue queue = queue("order.events.billing");

        assertThat(queue.isDurable()).isTrue();
        assertThat(queue.isExclusive()).isFalse();
        assertThat(queue.isAutoDelete()).isFalse();
        assertThat(queue.getArguments())
                .containsOnly(
                        entry("x-queue-type", "quorum"),
                        entry("x-delivery-limit", 7),
                        entry("x-dead-letter-exchange", ""),
                        entry("x-dead-letter-routing-key", "order.events.billing.dlq"));
    }

    @Test
    void eachQueueHasADlqThatIsAQuorumQueueToo() {
        Queue dlq = queue("order.events.billing.dlq");

        assertThat(dlq.isDurable()).isTrue();
        assertThat(dlq.getArguments()).containsOnly(entry("x-queue-type", "quorum"));
        assertThat(declarables.getDeclarablesByType(Queue.class))
                .extracting(Queue::getName)
                .containsExactlyInAnyOrder("order.events.billing", "order.events.billing.dlq", "audit");
    }

    @Test
    void aBoundedQueueDropsItsOldestMessagesWithoutDeadLetteringThem() {
        assertThat(queue("audit").getArguments())
                .containsOnly(entry("x-queue-type", "quorum"), entry("x-max-length", 100L));
        assertThat(queue("order.events.billing").getArguments()).doesNotContainKey("x-max-length");
    }

    @Test
    void bindsEachQueueOncePerRoutingKey() {
        assertThat(declarables.getDeclarablesByType(Binding.class))
                .extracting(Binding::getDestination, Binding::getExchange, Binding::getRoutingKey)
                .containsExactlyInAnyOrder(
                        tuple("order.events.billing", "order.events", "OrderPlaced"),
                        tuple("order.events.billing", "order.events", "OrderCancelled"),
                        tuple("order.events.billing", "payment.events", "PaymentRefunded"),
                        tuple("audit", "payment.events", "#"));
        assertThat(declarables.getDeclarablesByType(Binding.class))
                .allSatisfy(binding -> assertThat(binding.isDestinationQueue()).isTrue());
    }

    @Test
    void refusesABindingToAnUndeclaredExchange() {
        var properties = new TopologyProperties(
                List.of("order.events"),
                List.of(new QueueSpec(
                        "order.events.billing",
                        List.of(new BindingSpec("orders.events", List.of("OrderPlaced"))),
                        null)),
                7);

        assertThatThrownBy(() -> Topology.declarables(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order.events.billing is bound to an undeclared exchange orders.events");
    }

    private Queue queue(String name) {
        return declarables.getDeclarablesByType(Queue.class).stream()
                .filter(queue -> queue.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no queue " + name));
    }
}
