package shop.platform.consumer;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells the two kinds of failure apart. An infrastructure failure (database or broker out of
 * reach, a pool or a timeout) says nothing about the message, so it is retried for as long as it
 * takes. Anything else is taken as the message's own fault: retried a few times, then
 * dead-lettered.
 */
final class Failures {

    // SQLSTATE classes: connection exception, insufficient resources, operator intervention
    // (e.g. the server shutting down) and transaction rollback (serialization failure, deadlock).
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "53", "57", "40");

    private Failures() {}

    /**
     * A deadlock or serialization failure: two transactions wanted the same rows. Not an outage,
     * so it is worth trying again at once.
     */
    static boolean isContention(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException sql
                    && ("40P01".equals(sql.getSqlState()) || "40001".equals(sql.getSqlState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static boolean isInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcTransientException
                    || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof AmqpException
                    || cause instanceof IOException
                    || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof R2dbcException sql
                    && sql.getSqlState() != null
                    && sql.getSqlState().length() >= 2
                    && TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSqlState().substring(0, 2))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
