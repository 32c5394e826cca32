package com.posterincust.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database out of reach (503), as they reach the handlers. */
class DatabaseUnavailableTest {

    static final SQLException IO_ERROR = new SQLException("An I/O error occurred while sending to the backend", "08006");

    @Test
    void aLostConnectionIsTheDatabaseOutOfReach() {
        assertThat(DatabaseUnavailable.causedBy(new DataAccessResourceFailureException("lost", IO_ERROR))).isTrue();
    }

    /** The statement's connection broke, then its rollback found the connection closed: the first failure counts. */
    @Test
    void aRollbackThatFailsAfterTheConnectionBrokeIsTheDatabaseOutOfReachToo() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("lost", IO_ERROR));

        assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
    }

    @Test
    void aFaultOfTheRequestIsNot() {
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isFalse();
    }
}
