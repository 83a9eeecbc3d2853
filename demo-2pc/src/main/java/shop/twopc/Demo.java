package shop.twopc;

import java.sql.SQLException;
import java.time.Duration;

/**
 * {@code infra/demo-2pc}: two-phase commit between two PostgreSQL databases on a cluster of the
 * demo's own, what it costs, and what a coordinator crash between prepare and commit does to the
 * rows it touched. Next to it, what the shop's saga does instead.
 */
public final class Demo {

    private static final Duration COORDINATOR_DOWN = Duration.ofSeconds(3);
    private static final Duration MEASURED_FOR = Duration.ofSeconds(5);

    private Demo() {}

    public static void main(String[] args) throws SQLException, InterruptedException {
        int port = Cluster.freePort();
        System.out.println("Making a PostgreSQL cluster of the demo's own on 127.0.0.1:" + port
                + " (initdb; max_prepared_transactions=20) ...");
        try (Cluster cluster = Cluster.start(port)) {
            Coordinator.createBanks(cluster);
            var scenarios = new Scenarios(cluster);

            double rate = scenarios.transfersPerSecond(MEASURED_FOR);
            double local = scenarios.localTransfersPerSecond(MEASURED_FOR);
            System.out.printf(
                    "%n1. Throughput, one transfer at a time for %d s each: %.0f transfers/s with 2PC across"
                            + " bank_a and bank_b, %.0f/s as one local transaction in one database.%n",
                    MEASURED_FOR.toSeconds(), rate, local);

            var refused = scenarios.creditRefused();
            System.out.printf(
                    "%n2. Atomicity: a transfer of 30.00 to an account bank_b does not have: %s;"
                            + " alice still has %s in bank_a.%n",
                    refused.done() ? "done (wrong!)" : "refused", refused.fromBalance());

            System.out.printf(
                    "%n3. The coordinator dies after both banks prepared a transfer of 20.00 from carol (bank_a)"
                            + " to dave (bank_b) and after it logged its decision; it is down for %d s.%n",
                    COORDINATOR_DOWN.toSeconds());
            var crash = scenarios.coordinatorCrash(COORDINATOR_DOWN);
            System.out.printf(
                    "   %d transactions stayed prepared, holding their row locks. The next transfer from carol"
                            + " (10.00) waited %.2f s for them, until the recovery committed %d prepared transactions from the"
                            + " coordinator's log.%n",
                    crash.prepared(), crash.waited().toMillis() / 1000.0, crash.recovered());
            System.out.printf(
                    "   Afterwards: carol %s, dave %s (both transfers applied once, in both banks).%n",
                    crash.fromBalance(), crash.toBalance());
            System.out.printf(
                    "%nThe shop's saga under the same crash: every step commits in its own database at once, so"
                            + " nothing stays locked while a service is down; its events wait in the outbox or the broker, the"
                            + " next step runs when the service is back, and a step that can no longer be done is compensated"
                            + " (or timed out after the saga's deadline). The price is that other readers may see the"
                            + " order half-way for a while.%n");
        }
    }
}
