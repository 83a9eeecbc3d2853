package shop.twopc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The two banks' databases, the coordinator's, and reading and setting balances. */
final class Banks {

    static final String A = "bank_a";
    static final String B = "bank_b";
    static final String COORDINATOR = "coordinator";

    private final Cluster cluster;

    Banks(Cluster cluster) {
        this.cluster = cluster;
    }

    void open(String bank, String account, BigDecimal balance) throws SQLException {
        try (Connection connection = cluster.connect(bank);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO account (id, balance) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET balance = EXCLUDED.balance")) {
            insert.setString(1, account);
            insert.setBigDecimal(2, balance);
            insert.executeUpdate();
        }
    }

    BigDecimal balance(String bank, String account) throws SQLException {
        try (Connection connection = cluster.connect(bank);
                PreparedStatement select = connection.prepareStatement("SELECT balance FROM account WHERE id = ?")) {
            select.setString(1, account);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no account " + account + " in " + bank);
                }
                return rows.getBigDecimal(1);
            }
        }
    }

    /** Transactions prepared and not finished, in both banks. */
    int prepared() throws SQLException {
        try (Connection connection = cluster.connect(A);
                var rows = connection.createStatement().executeQuery("SELECT count(*) FROM pg_prepared_xacts")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
