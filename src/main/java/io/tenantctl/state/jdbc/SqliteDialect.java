package io.tenantctl.state.jdbc;

import io.tenantctl.json.Json;
import io.tenantctl.state.LockHolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQLite: one file, WAL mode (readers never wait for the writer), {@code synchronous=FULL} (a
 * committed apply survives power loss). The write lock is the database's own: a transaction
 * begun {@code IMMEDIATE} holds it, and a second writer waits in SQLite's busy handler up to the
 * lock timeout. SQLite cannot say who holds it, so the holder writes a small note beside the file.
 */
final class SqliteDialect implements Dialect {

    @Override
    public Connection openForRead(StateUrl url) throws SQLException {
        SQLiteConfig config = base(Duration.ofSeconds(30));
        Connection connection = config.createConnection(url.jdbcUrl());
        connection.setAutoCommit(false);
        return connection;
    }

    @Override
    public Connection openForWrite(StateUrl url, Duration timeout, LockHolder me) throws SQLException {
        SQLiteConfig config = base(timeout);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // A first apply of a large tree writes hundreds of thousands of rows in one transaction;
        // with the default 2 MB page cache they would spill to the file before the commit.
        config.setCacheSize(-64 * 1024);
        Connection connection = config.createConnection(url.jdbcUrl());
        try {
            // With IMMEDIATE mode this begins the transaction and takes the write lock, waiting
            // in the busy handler for as long as the busy timeout allows.
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("SELECT 1 FROM sqlite_master LIMIT 1");
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        writeNote(url, me);
        return connection;
    }

    private static SQLiteConfig base(Duration busy) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, busy.toMillis())));
        config.enforceForeignKeys(true);
        return config;
    }

    @Override
    public Connection openForMigration(StateUrl url, Duration timeout, LockHolder me) throws SQLException {
        // An IMMEDIATE transaction already excludes every other writer.
        return openForWrite(url, timeout, me);
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code == SQLiteErrorCode.SQLITE_BUSY
                    || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code.name().startsWith("SQLITE_BUSY");
        }
        return e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY");
    }

    @Override
    public boolean isRetryable(SQLException e) {
        return false;
    }

    @Override
    public Optional<LockHolder> holder(StateUrl url) {
        try {
            JsonNode note = Json.parse(Files.readString(notePath(url), StandardCharsets.UTF_8));
            return Optional.of(new LockHolder(
                    note.path("identity").asString("?"),
                    note.path("host").asString("?"),
                    note.path("pid").asLong(),
                    Instant.parse(note.path("since").asString())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void released(StateUrl url) {
        try {
            Path note = notePath(url);
            JsonNode content = Json.parse(Files.readString(note, StandardCharsets.UTF_8));
            if (content.path("pid").asLong() == ProcessHandle.current().pid()) {
                Files.deleteIfExists(note);
            }
        } catch (IOException | RuntimeException e) {
            // the note is advice for humans; a stale one is overwritten by the next holder
        }
    }

    @Override
    public Optional<LockHolder> lockedBy(StateUrl url) {
        SQLiteConfig config = base(Duration.ofMillis(1));
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try (Connection connection = config.createConnection(url.jdbcUrl())) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("SELECT 1 FROM sqlite_master LIMIT 1");
            }
            connection.rollback();
            return Optional.empty();
        } catch (SQLException e) {
            if (isLockTimeout(e)) {
                return Optional.of(holder(url).orElse(LockHolder.unknown()));
            }
            return Optional.empty();
        }
    }

    /**
     * SQLite's lock belongs to the process that holds the file open; only stopping that process
     * releases it. A tenantctl on this machine is sent SIGTERM, on which it rolls back and exits;
     * a holder on another machine, or one that left no note, must be stopped where it runs.
     */
    @Override
    public Optional<String> stop(StateUrl url, LockHolder holder) {
        if (!holder.known()) {
            return Optional.of("the holder left no note (is another program, such as sqlite3, using the file?);"
                    + " stop it to release the lock");
        }
        if (!holder.host().equals(LockHolder.hostName())) {
            return Optional.of("the holder runs on " + holder.host() + ", not on this machine (" + LockHolder.hostName()
                    + "); a SQLite lock is released by stopping that process there");
        }
        if (holder.pid() == ProcessHandle.current().pid()) {
            return Optional.of("the holder is this process");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(holder.pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return Optional.of("process " + holder.pid() + " is not running, yet the file is locked;"
                    + " another process holds it without a note");
        }
        process.get().destroy();
        return Optional.empty();
    }

    @Override
    public void forgetStaleHolder(StateUrl url) {
        try {
            Files.deleteIfExists(notePath(url));
        } catch (IOException e) {
            // advice only; the next holder overwrites it
        }
    }

    @Override
    public String describeFailure(StateUrl url, SQLException e) {
        return "cannot use the state file " + url.sqlitePath() + ": " + e.getMessage();
    }

    private static Path notePath(StateUrl url) {
        return Path.of(url.sqlitePath() + ".holder");
    }

    private static void writeNote(StateUrl url, LockHolder me) {
        ObjectNode note = Json.object();
        note.put("identity", me.identity());
        note.put("host", me.host());
        note.put("pid", me.pid());
        note.put("since", me.since().toString());
        try {
            Files.writeString(notePath(url), Json.compact(note) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // advice only
        }
    }
}
