package shop.twopc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the demo shows, each on accounts of its own: the cost of 2PC, its atomicity, and the coordinator's crash. */
final class Scenarios {

    private final Cluster cluster;
    private final Banks banks;

    Scenarios(Cluster cluster) {
        this.cluster = cluster;
        this.banks = new Banks(cluster);
    }

    /** Transfers per second for {@code duration}, one after the other, with 2PC across the banks. */
    double transfersPerSecond(Duration duration) throws SQLException {
        banks.open(Banks.A, "rich", new BigDecimal("1000000.00"));
        banks.open(Banks.B, "saver", BigDecimal.ZERO);
        try (var coordinator = new Coordinator(cluster)) {
            long end = System.nanoTime() + duration.toNanos();
            long started = System.nanoTime();
            int transfers = 0;
            while (System.nanoTime() < end) {
                coordinator.transfer("rich", "saver", new BigDecimal("0.01"), Coordinator.Stop.NEVER);
                transfers++;
            }
            return transfers / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** The same, both accounts in one database and one local transaction: what 2PC costs on top. */
    double localTransfersPerSecond(Duration duration) throws SQLException {
        banks.open(Banks.A, "rich-local", new BigDecimal("1000000.00"));
        banks.open(Banks.A, "saver-local", BigDecimal.ZERO);
        try (var connection = cluster.connect(Banks.A)) {
            connection.setAutoCommit(false);
            try (var debit = connection.prepareStatement(
                            "UPDATE account SET balance = balance - 0.01 WHERE id = 'rich-local' AND balance >= 0.01");
                    var credit = connection.prepareStatement(
                            "UPDATE account SET balance = balance + 0.01 WHERE id = 'saver-local'")) {
                long end = System.nanoTime() + duration.toNanos();
                long started = System.nanoTime();
                int transfers = 0;
                while (System.nanoTime() < end) {
                    debit.executeUpdate();
                    credit.executeUpdate();
                    connection.commit();
                    transfers++;
                }
                return transfers / ((System.nanoTime() - started) / 1e9);
            }
        }
    }

    /** A transfer to an account bank B does not have: neither bank changes. */
    Outcome creditRefused() throws SQLException {
        banks.open(Banks.A, "alice", new BigDecimal("100.00"));
        try (var coordinator = new Coordinator(cluster)) {
            boolean done = coordinator.transfer("alice", "nobody", new BigDecimal("30.00"), Coordinator.Stop.NEVER);
            return new Outcome(done, banks.balance(Banks.A, "alice"), BigDecimal.ZERO, Duration.ZERO, 0, 0);
        }
    }

    /**
     * The coordinator dies after both banks prepared and it logged its decision, and stays down
     * for {@code down}. Meanwhile the next transfer from the same account waits for the prepared
     * transaction's row lock; the recovery commits the prepared transfer, and the waiting one goes
     * through. Answers how long it waited.
     */
    Outcome coordinatorCrash(Duration down) throws SQLException, InterruptedException {
        banks.open(Banks.A, "carol", new BigDecimal("100.00"));
        banks.open(Banks.B, "dave", BigDecimal.ZERO);
        try (var dying = new Coordinator(cluster)) {
            dying.transfer("carol", "dave", new BigDecimal("20.00"), Coordinator.Stop.AFTER_DECIDING);
        }
        int prepared = banks.prepared();

        long waitingSince = System.nanoTime();
        CompletableFuture<Long> next = CompletableFuture.supplyAsync(() -> {
            try (var another = new Coordinator(cluster)) {
                another.transfer("carol", "dave", new BigDecimal("10.00"), Coordinator.Stop.NEVER);
                return System.nanoTime();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(down.toMillis()); // the coordinator is down: nobody finishes the prepared transfer
        int recovered;
        try (var restarted = new Coordinator(cluster)) {
            recovered = restarted.recover();
        }
        long through;
        try {
            through = next.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the waiting transfer did not go through after the recovery", e);
        }
        return new Outcome(
                true,
                banks.balance(Banks.A, "carol"),
                banks.balance(Banks.B, "dave"),
                Duration.ofNanos(through - waitingSince),
                prepared,
                recovered);
    }

    /**
     * @param waited how long the next transfer on the same rows waited
     * @param prepared transactions left prepared by the crash
     * @param recovered transactions the recovery finished
     */
    record Outcome(
            boolean done, BigDecimal fromBalance, BigDecimal toBalance, Duration waited, int prepared, int recovered) {}
}
