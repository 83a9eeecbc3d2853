package shop.payment;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import shop.payment.domain.Account;

/**
 * The customers' accounts. Balances change only through single conditional statements, so that
 * concurrent charges neither lose an update nor overdraw an account, without holding a lock
 * longer than the statement's transaction.
 */
@Component
public class Accounts {

    private final DatabaseClient db;

    Accounts(DatabaseClient db) {
        this.db = db;
    }

    /** Opens the account; false if the customer already has one (the primary key decides, so races are safe). */
    public Mono<Boolean> open(Account account) {
        return db.sql("""
                        INSERT INTO account (customer_id, name, balance) VALUES (:customerId, :name, :balance)
                        ON CONFLICT (customer_id) DO NOTHING
                        """)
                .bind("customerId", account.customerId())
                .bind("name", account.name())
                .bind("balance", account.balance())
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    public Mono<Account> find(String customerId) {
        return db.sql("SELECT customer_id, name, balance FROM account WHERE customer_id = :customerId")
                .bind("customerId", customerId)
                .map(row -> new Account(
                        row.get("customer_id", String.class),
                        row.get("name", String.class),
                        row.get("balance", BigDecimal.class)))
                .one();
    }

    /** What the customer's account holds now; empty if there is no such account. */
    public Mono<Optional<BigDecimal>> balance(String customerId) {
        return db.sql("SELECT balance FROM account WHERE customer_id = :customerId")
                .bind("customerId", customerId)
                .map(row -> row.get("balance", BigDecimal.class))
                .one()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /**
     * Takes {@code amount}, guarded: only if the balance still covers it, so that two charges
     * decided on one balance cannot both spend it; false if it no longer does.
     */
    public Mono<Boolean> debit(String customerId, BigDecimal amount) {
        return db.sql("""
                        UPDATE account SET balance = balance - :amount, updated_at = clock_timestamp()
                        WHERE customer_id = :customerId AND balance >= :amount
                        """)
                .bind("customerId", customerId)
                .bind("amount", amount)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    /** Gives {@code amount} back; the account must exist (accounts are never deleted). */
    public Mono<Void> credit(String customerId, BigDecimal amount) {
        return db.sql("""
                        UPDATE account SET balance = balance + :amount, updated_at = clock_timestamp()
                        WHERE customer_id = :customerId
                        """)
                .bind("customerId", customerId)
                .bind("amount", amount)
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? Mono.empty()
                        : Mono.error(new IllegalStateException("no account " + customerId + " to credit")));
    }
}
