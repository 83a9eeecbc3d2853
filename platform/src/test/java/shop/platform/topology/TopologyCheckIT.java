package shop.platform.topology;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.platform.sample.LedgerApplication;
import shop.platform.sample.LedgerFixture;
import shop.platform.testing.TestInfrastructure;

/** A service that does not find its part of the topology does not start, and says why. */
class TopologyCheckIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure(LedgerApplication.TOPOLOGY);

    final LedgerFixture ledger = new LedgerFixture(infra);

    @Test
    void aQueueBoundToItsExchangeThatIsMissingStopsTheStart() {
        ledger.admin().deleteQueue(LedgerApplication.AUDIT_QUEUE);
        try {
            assertThatThrownBy(ledger::start)
                    .rootCause()
                    .hasMessageContaining("ledger does not match the topology: queue ledger.events.audit is missing")
                    .hasMessageContaining("TopologyDeclarer");
        } finally {
            TopologyDeclarer.declare(infra.rabbit(), TopologyDeclarer.load(LedgerApplication.TOPOLOGY));
        }
    }

    @Test
    void aSubscriptionWhoseHandlersDifferFromItsQueuesBindingsStopsTheStart() {
        var properties = infra.serviceProperties("ledger");
        properties.put("shop.topology.services.ledger.consumes[0].exchange", LedgerApplication.EXCHANGE);
        properties.put("shop.topology.services.ledger.consumes[0].keys", "AmountBooked,AmountCorrected");

        assertThatThrownBy(() -> ledger.start(properties))
                .rootCause()
                .hasMessageContaining("ledger.events.ledger is bound to [AmountBooked, AmountCorrected]"
                        + " but its handlers take [AmountBooked]");
    }
}
