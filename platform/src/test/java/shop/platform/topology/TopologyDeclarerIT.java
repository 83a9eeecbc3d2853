package shop.platform.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.platform.testing.TestInfrastructure;

/**
 * The shop's topology as the declarer leaves it before any service starts (the test
 * infrastructure runs the declarer, as infra/up does): every exchange, queue, binding and
 * dead-letter queue.
 */
class TopologyDeclarerIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    final TopologyProperties topology = TopologyDeclarer.load(TopologyDeclarer.SHOP_TOPOLOGY);

    @Test
    void declaresEveryQueueAsAQuorumQueueWithItsDeadLetterQueue() {
        infra.vhost();
        assertThat(topology.exchanges())
                .containsExactly("order.events", "inventory.events", "payment.events", "shipping.events");
        assertThat(topology.queues()).hasSizeGreaterThanOrEqualTo(13);
        for (var queue : topology.queues()) {
            String declared = infra.managementGet(infra.queuePath(queue.name()));
            assertThat(declared)
                    .as("queue %s", queue.name())
                    .contains("\"x-queue-type\":\"quorum\"")
                    .contains("\"durable\":true");
            if (queue.maxLength() != null) {
                // An audit queue drops its oldest messages: no dead-letter target (ARCHITECTURE's one exception).
                assertThat(declared)
                        .contains("\"x-max-length\":" + queue.maxLength())
                        .doesNotContain("x-dead-letter");
                continue;
            }
            assertThat(declared)
                    .contains("\"x-delivery-limit\":20")
                    .contains("\"x-dead-letter-routing-key\":\"" + queue.name() + ".dlq\"");
            assertThat(infra.managementGet(infra.queuePath(queue.name() + ".dlq")))
                    .as("queue %s.dlq", queue.name())
                    .contains("\"x-queue-type\":\"quorum\"")
                    .contains("\"durable\":true");
        }
        String bindings = infra.managementGet(infra.queuePath("inventory.events.payment-service") + "/bindings");
        assertThat(bindings)
                .contains("\"source\":\"inventory.events\"")
                .contains("\"routing_key\":\"InventoryReserved\"");
    }

    @Test
    void declaringAgainChangesNothing() {
        var connections = infra.rabbit();
        String before = infra.managementGet(infra.queuePath("order.events.inventory-service") + "/bindings");

        TopologyDeclarer.declare(connections, topology);

        assertThat(infra.managementGet(infra.queuePath("order.events.inventory-service") + "/bindings"))
                .isEqualTo(before);
    }
}
