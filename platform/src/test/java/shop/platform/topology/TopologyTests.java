package shop.platform.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import shop.platform.topology.TopologyProperties.BindingSpec;
import shop.platform.topology.TopologyProperties.QueueSpec;
import shop.platform.topology.TopologyProperties.ServiceSpec;

class TopologyTests {

    static final TopologyProperties PROPERTIES = new TopologyProperties(
            7,
            services(
                    "order-service",
                    new ServiceSpec("order.events", List.of()),
                    "billing",
                    new ServiceSpec(
                            "payment.events",
                            List.of(
                                    new BindingSpec("order.events", List.of("OrderPlaced", "OrderCancelled")),
                                    new BindingSpec("payment.events", List.of("PaymentRefunded"))))),
            List.of(new QueueSpec("audit", List.of(new BindingSpec("payment.events", List.of("#"))), 100L)));

    final Declarables declarables = Topology.declarables(PROPERTIES);

    @Test
    void declaresEachExchangeAsADurableTopicExchange() {
        assertThat(declarables.getDeclarablesByType(TopicExchange.class))
                .extracting(TopicExchange::getName, TopicExchange::isDurable, TopicExchange::isAutoDelete)
                .containsExactly(tuple("order.events", true, false), tuple("payment.events", true, false));
    }

    @Test
    void aServiceConsumesFromOneQueuePerExchangeNamedAfterBoth() {
        assertThat(PROPERTIES.queuesOf("billing")).containsOnlyKeys("order.events.billing", "payment.events.billing");
        assertThat(PROPERTIES.queuesOf("order-service")).isEmpty();
        assertThat(PROPERTIES.producerOf("payment.events")).contains("billing");
        assertThat(PROPERTIES.producerOf("shipping.events")).isEmpty();
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
                .containsExactlyInAnyOrder(
                        "order.events.billing",
                        "order.events.billing.dlq",
                        "payment.events.billing",
                        "payment.events.billing.dlq",
                        "audit");
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
                        tuple("payment.events.billing", "payment.events", "PaymentRefunded"),
                        tuple("audit", "payment.events", "#"));
        assertThat(declarables.getDeclarablesByType(Binding.class))
                .allSatisfy(binding -> assertThat(binding.isDestinationQueue()).isTrue());
    }

    @Test
    void refusesABindingToAnUndeclaredExchange() {
        var properties = new TopologyProperties(
                7,
                services(
                        "order-service",
                        new ServiceSpec("order.events", List.of()),
                        "billing",
                        new ServiceSpec(null, List.of(new BindingSpec("orders.events", List.of("OrderPlaced"))))),
                List.of());

        assertThatThrownBy(() -> Topology.declarables(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("orders.events.billing is bound to an undeclared exchange orders.events");
    }

    @Test
    void refusesTwoQueuesOfOneServiceOnTheSameExchange() {
        var properties = new TopologyProperties(
                7,
                services(
                        "billing",
                        new ServiceSpec(
                                "order.events",
                                List.of(
                                        new BindingSpec("order.events", List.of("OrderPlaced")),
                                        new BindingSpec("order.events", List.of("OrderCancelled"))))),
                List.of());

        assertThatThrownBy(properties::queues)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("billing consumes from order.events twice: list its keys once");
    }

    /** In the order given, as the YAML binds them. */
    private static Map<String, ServiceSpec> services(Object... nameThenSpec) {
        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSpec.length; i += 2) {
            services.put((String) nameThenSpec[i], (ServiceSpec) nameThenSpec[i + 1]);
        }
        return services;
    }

    private Queue queue(String name) {
        return declarables.getDeclarablesByType(Queue.class).stream()
                .filter(queue -> queue.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no queue " + name));
    }
}
