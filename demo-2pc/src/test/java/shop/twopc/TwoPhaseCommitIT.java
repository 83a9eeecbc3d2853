package shop.twopc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's scenarios on a real PostgreSQL cluster of their own (initdb, as infra/demo-2pc makes it). */
class TwoPhaseCommitIT {

    static Cluster cluster;
    static Coordinator coordinator;
    static Banks banks;
    static Scenarios scenarios;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.start(Cluster.freePort());
        Coordinator.createBanks(cluster);
        coordinator = new Coordinator(cluster);
        banks = new Banks(cluster);
        scenarios = new Scenarios(cluster);
    }

    @AfterAll
    static void stop() throws Exception {
        if (coordinator != null) {
            coordinator.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aTransferCommitsInBothDatabases() throws Exception {
        banks.open(Banks.A, "erin", new BigDecimal("50.00"));
        banks.open(Banks.B, "frank", new BigDecimal("5.00"));

        assertThat(coordinator.transfer("erin", "frank", new BigDecimal("12.34"), Coordinator.Stop.NEVER))
                .isTrue();

        assertThat(banks.balance(Banks.A, "erin")).isEqualByComparingTo("37.66");
        assertThat(banks.balance(Banks.B, "frank")).isEqualByComparingTo("17.34");
        assertThat(banks.prepared()).isZero();
    }

    @Test
    void aTransferWhoseCreditOrDebitCannotBeMadeChangesNeitherDatabase() throws Exception {
        var refused = scenarios.creditRefused();
        banks.open(Banks.A, "grace", new BigDecimal("1.00"));
        banks.open(Banks.B, "heidi", BigDecimal.ZERO);

        assertThat(refused.done()).isFalse();
        assertThat(refused.fromBalance()).isEqualByComparingTo("100.00");
        assertThat(coordinator.transfer("grace", "heidi", new BigDecimal("2.00"), Coordinator.Stop.NEVER))
                .isFalse();
        assertThat(banks.balance(Banks.A, "grace")).isEqualByComparingTo("1.00");
        assertThat(banks.balance(Banks.B, "heidi")).isEqualByComparingTo("0.00");
        assertThat(banks.prepared()).isZero();
    }

    @Test
    void aCoordinatorCrashBetweenPrepareAndCommitBlocksTheRowsUntilRecovery() throws Exception {
        Duration down = Duration.ofSeconds(2);

        var crash = scenarios.coordinatorCrash(down);

        assertThat(crash.prepared())
                .as("transactions left prepared by the crash")
                .isEqualTo(2);
        assertThat(crash.waited())
                .as("the next transfer's wait for the prepared rows")
                .isGreaterThanOrEqualTo(down);
        assertThat(crash.recovered()).isEqualTo(2);
        assertThat(crash.fromBalance()).isEqualByComparingTo("70.00");
        assertThat(crash.toBalance()).isEqualByComparingTo("30.00");
        assertThat(banks.prepared()).isZero();
    }

    @Test
    void transfersAreMeasured() throws Exception {
        assertThat(scenarios.transfersPerSecond(Duration.ofMillis(500))).isPositive();
        assertThat(scenarios.localTransfersPerSecond(Duration.ofMillis(500))).isPositive();
    }
}
