package io.tenantctl.state.jdbc;

import io.tenantctl.diag.Codes;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.StateException;
import io.tenantctl.state.StateLockedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * Work on a connection that holds the dialect's write (or migration) lock. A lock wait that runs
 * out becomes a {@link StateLockedException} naming the holder; a serialization failure or a
 * deadlock is retried as a whole a few times, with jitter; anything else rolls back.
 */
final class Locking {

    private static final int RETRIES = 5;

    /** Opens a connection that holds a lock. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /** Work on the locked connection; it commits, or everything rolls back. */
    @FunctionalInterface
    interface LockedWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Database database;
    private final Random jitter = new Random();

    Locking(Database database) {
        this.database = database;
    }

    <T> T run(Opener opener, Duration timeout, LockedWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            Connection connection = null;
            try {
                connection = opener.open();
                return work.run(connection);
            } catch (SQLException e) {
                rollbackQuietly(connection);
                if (database.dialect().isLockTimeout(e)) {
                    Optional<LockHolder> other = database.dialect().holder(database.url());
                    throw new StateLockedException(
                            "the state at " + database.location() + " is locked by another apply"
                                    + other.map(h -> ", held by " + h.describe())
                                            .orElse("")
                                    + "; gave up after waiting " + seconds(timeout),
                            other);
                }
                if (database.dialect().isRetryable(e) && attempt < RETRIES) {
                    sleep(attempt);
                    continue;
                }
                throw database.failure(e);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                closeQuietly(connection);
                if (connection != null) {
                    database.dialect().released(database.url());
                }
            }
        }
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
    }

    private void sleep(int attempt) {
        try {
            Thread.sleep(50L * attempt + jitter.nextInt(100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException(Codes.STATE, "interrupted while retrying a write to " + database.location());
        }
    }

    static void rollbackQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                // the connection is going away; the server rolls back on its own
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing more to do
            }
        }
    }
}
