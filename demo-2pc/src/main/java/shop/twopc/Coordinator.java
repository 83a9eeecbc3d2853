package shop.twopc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves money from an account in bank A to an account in bank B with two-phase commit: both
 * databases do their part and PREPARE it (from then on each holds its row locks and has promised
 * to commit on demand), the coordinator records its decision in a log of its own, then asks both
 * to COMMIT PREPARED. A coordinator that dies between the two phases leaves both transactions
 * prepared, their locks held, until a recovery reads the log and finishes them.
 */
final class Coordinator implements AutoCloseable {

    /** Where the coordinator stops, for the demo's crash. */
    enum Stop {
        NEVER,
        AFTER_DECIDING
    }

    private final Connection a;
    private final Connection b;
    private final Connection log;

    /** A coordinator with its connections to both banks and to its log, held while it lives. */
    Coordinator(Cluster cluster) throws SQLException {
        this.a = cluster.connect(Banks.A);
        this.b = cluster.connect(Banks.B);
        this.log = cluster.connect(Banks.COORDINATOR);
    }

    /** Creates both banks' accounts and the coordinator's log, each in a database of its own. */
    static void createBanks(Cluster cluster) throws SQLException {
        try (Connection admin = cluster.connect("postgres");
                Statement statement = admin.createStatement()) {
            for (String database : List.of(Banks.A, Banks.B, Banks.COORDINATOR)) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
        for (String bank : List.of(Banks.A, Banks.B)) {
            try (Connection connection = cluster.connect(bank);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE account (id text PRIMARY KEY,"
                        + " balance numeric(12,2) NOT NULL CHECK (balance >= 0))");
            }
        }
        try (Connection connection = cluster.connect(Banks.COORDINATOR);
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE TABLE decision (transfer text PRIMARY KEY, decided_at timestamptz NOT NULL DEFAULT now())");
        }
    }

    /**
     * Transfers {@code amount}; answers false, with nothing changed in either bank, if the debit
     * or the credit cannot be made. With {@link Stop#AFTER_DECIDING} it returns right after
     * logging its decision, as a coordinator that died there would leave things.
     */
    boolean transfer(String from, String to, BigDecimal amount, Stop stop) throws SQLException {
        String transfer = "transfer-" + UUID.randomUUID();
        a.setAutoCommit(false);
        b.setAutoCommit(false);
        boolean debited = update(
                a, "UPDATE account SET balance = balance - ? WHERE id = ? AND balance >= ?", amount, from, amount);
        boolean credited =
                debited && update(b, "UPDATE account SET balance = balance + ? WHERE id = ?", amount, to, null);
        if (!credited) {
            a.rollback();
            b.rollback();
            return false;
        }
        // phase 1: each bank promises to commit; a prepared transaction belongs to no session,
        // so what follows runs outside a transaction block
        execute(a, "PREPARE TRANSACTION '" + transfer + "-a'");
        a.setAutoCommit(true);
        try {
            execute(b, "PREPARE TRANSACTION '" + transfer + "-b'");
        } catch (SQLException refused) {
            b.rollback();
            execute(a, "ROLLBACK PREPARED '" + transfer + "-a'");
            return false;
        }
        b.setAutoCommit(true);
        decide(transfer);
        if (stop == Stop.AFTER_DECIDING) {
            return true;
        }
        // phase 2: both commit what they promised
        execute(a, "COMMIT PREPARED '" + transfer + "-a'");
        execute(b, "COMMIT PREPARED '" + transfer + "-b'");
        return true;
    }

    /**
     * What a coordinator that starts again does: every transaction still prepared is committed if
     * its transfer's decision is in the log, rolled back otherwise. Answers how many it finished.
     */
    int recover() throws SQLException {
        int finished = 0;
        for (Connection bank : List.of(a, b)) {
            bank.setAutoCommit(true);
            List<String> prepared = new ArrayList<>();
            try (Statement statement = bank.createStatement();
                    var rows = statement.executeQuery(
                            "SELECT gid FROM pg_prepared_xacts WHERE database = current_database()")) {
                while (rows.next()) {
                    prepared.add(rows.getString(1));
                }
            }
            for (String gid : prepared) {
                String transfer = gid.substring(0, gid.lastIndexOf('-'));
                execute(bank, (decided(transfer) ? "COMMIT PREPARED '" : "ROLLBACK PREPARED '") + gid + "'");
                finished++;
            }
        }
        return finished;
    }

    /** Dies (or stops): the connections go; what it prepared stays prepared in the banks. */
    @Override
    public void close() throws SQLException {
        a.close();
        b.close();
        log.close();
    }

    private void decide(String transfer) throws SQLException {
        try (PreparedStatement insert = log.prepareStatement("INSERT INTO decision (transfer) VALUES (?)")) {
            insert.setString(1, transfer);
            insert.executeUpdate();
        }
    }

    private boolean decided(String transfer) throws SQLException {
        try (PreparedStatement select = log.prepareStatement("SELECT 1 FROM decision WHERE transfer = ?")) {
            select.setString(1, transfer);
            try (var rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean update(Connection connection, String sql, BigDecimal amount, String id, BigDecimal atLeast)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setBigDecimal(1, amount);
            update.setString(2, id);
            if (atLeast != null) {
                update.setBigDecimal(3, atLeast);
            }
            return update.executeUpdate() == 1;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
