package com.posterincust.common;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database being out of reach (the pool found no connection within its timeout, the
 * connection broke), as opposed to a fault of the request: the caller is then answered 503 with {@code Retry-After}
 * and may repeat the call, since nothing was committed.
 */
public final class DatabaseUnavailable {

    /** SQLSTATE class 08 is "connection exception"; 57P01–57P03 are PostgreSQL shutting down or not accepting. */
    private static final String CONNECTION_EXCEPTION = "08";

    private DatabaseUnavailable() {
    }

    /** The answer: 503 {@code database-unavailable}; send it with {@code Retry-After}. */
    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.DATABASE_UNAVAILABLE,
                "The service cannot reach its database right now; nothing was changed, try again");
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // the rollback after a lost connection fails too ("Connection is closed"): what it overrode tells why
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                return true;
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION) || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
