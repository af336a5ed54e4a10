package io.tenantctl.state.jdbc;

import io.tenantctl.state.LockHolder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * What differs between the databases the store runs on. Public so that other stores of the same
 * database (the agent's tables) connect exactly as the state store does.
 */
public interface Dialect {

    /** The dialect a state URL names. */
    static Dialect of(StateUrl url) {
        return switch (url.kind()) {
            case SQLITE -> new SqliteDialect();
            case POSTGRESQL -> new PostgresDialect();
        };
    }

    /** A connection for reading; autocommit off, nothing locked. */
    Connection openForRead(StateUrl url) throws SQLException;

    /**
     * A connection holding the write lock, inside a transaction, waiting up to {@code timeout}.
     * Throws an SQLException for which {@link #isLockTimeout} is true when the wait ran out.
     */
    Connection openForWrite(StateUrl url, Duration timeout, LockHolder me) throws SQLException;

    /**
     * A connection for creating or upgrading the schema, inside a transaction that holds the
     * migration lock, so that two processes using a new store at once do not race.
     */
    Connection openForMigration(StateUrl url, Duration timeout, LockHolder me) throws SQLException;

    boolean isLockTimeout(SQLException e);

    /** Serialization failures and deadlocks: the transaction can be retried as a whole. */
    boolean isRetryable(SQLException e);

    /** Who holds the write lock now, as far as the database can tell. */
    Optional<LockHolder> holder(StateUrl url);

    /** Called after a write transaction ended, committed or not. */
    void released(StateUrl url);

    /**
     * Who holds the write lock at this moment, asked without waiting for it or taking it; empty when
     * it is free. A holder the database cannot name is {@link LockHolder#unknown()}.
     */
    Optional<LockHolder> lockedBy(StateUrl url);

    /**
     * Asks {@code holder} to give up the write lock, so that its transaction ends without
     * committing. Returns why it cannot be asked from here, or empty when it was asked.
     */
    Optional<String> stop(StateUrl url, LockHolder holder);

    /** Removes what a holder that is gone may have left behind (the SQLite note). */
    void forgetStaleHolder(StateUrl url);

    /** One line for a connection failure: host, port, database and the server's words. */
    String describeFailure(StateUrl url, SQLException e);
}
