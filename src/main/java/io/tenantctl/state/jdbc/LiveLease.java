package io.tenantctl.state.jdbc;

import io.tenantctl.diag.Codes;
import io.tenantctl.state.Journal;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.StateException;
import io.tenantctl.state.StateLockedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * The live-apply lease: one live apply per state at a time, for as long as it sends requests. It
 * is not the state's write lock, which a live apply cannot hold for minutes of requests (SQLite
 * would then refuse the journal's writes); it is a lock that the operating system or the database
 * drops when its process dies, however it dies, so that a killed apply never blocks the next one,
 * which then resumes from the journal. SQLite: an operating-system lock on a file beside the state
 * ({@code state.db.live}) that names its holder. PostgreSQL: a session-level advisory lock on a
 * connection of its own.
 */
final class LiveLease {

    /** Any constant: the key of the advisory lock of live applies (the migration lock is another). */
    private static final long KEY = 0x6c697665L;

    private static final Duration POLL = Duration.ofMillis(100);

    private LiveLease() {}

    static Journal.Lease take(Database database, Duration timeout, LockHolder me) {
        return switch (database.url().kind()) {
            case SQLITE -> file(database, Path.of(database.url().sqlitePath() + ".live"), timeout, me);
            case POSTGRESQL -> advisory(database, timeout);
        };
    }

    private static Journal.Lease file(Database database, Path file, Duration timeout, LockHolder me) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by this very process, by another apply of it
                }
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap((me.describe() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    channel.force(true);
                    FileLock held = lock;
                    return () -> {
                        try {
                            channel.truncate(0);
                            held.release();
                            channel.close();
                        } catch (IOException e) {
                            // the kernel drops the lock when the process ends anyway
                        }
                    };
                }
                if (System.nanoTime() >= deadline) {
                    String holder =
                            Files.readString(file, StandardCharsets.UTF_8).trim();
                    channel.close();
                    throw new StateLockedException(
                            "another live apply is running on the state at " + database.location()
                                    + (holder.isEmpty() ? "" : ", by " + holder) + "; gave up after waiting "
                                    + timeout.toMillis() + "ms",
                            Optional.empty());
                }
                sleep(POLL);
            }
        } catch (IOException e) {
            throw new StateException(Codes.STATE, "cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static Journal.Lease advisory(Database database, Duration timeout) {
        Connection connection = null;
        try {
            connection = database.dialect().openForRead(database.url());
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("SET lock_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'");
                s.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
            Connection held = connection;
            return () -> {
                try (held) {
                    try (Statement s = held.createStatement()) {
                        s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
                    }
                } catch (SQLException e) {
                    // closing the session releases the lock anyway
                }
            };
        } catch (SQLException e) {
            close(connection);
            if (database.dialect().isLockTimeout(e)) {
                throw new StateLockedException(
                        "another live apply is running on the state at " + database.location()
                                + "; gave up after waiting " + timeout.toMillis() + "ms",
                        Optional.empty());
            }
            throw database.failure(e);
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already failing
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException(Codes.STATE, "interrupted while waiting for another live apply");
        }
    }
}
