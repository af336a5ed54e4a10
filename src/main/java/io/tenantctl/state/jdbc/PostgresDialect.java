package io.tenantctl.state.jdbc;

import io.tenantctl.state.LockHolder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * PostgreSQL: several pipelines on several machines share one server. The write lock is a row
 * lock on the head row ({@code SELECT ... FOR UPDATE}), held by the transaction only, so it is
 * released by commit, rollback, or the server noticing the client is gone; waiting for it is
 * bounded by {@code lock_timeout}. The holder's identity travels in {@code application_name}, where
 * {@code pg_stat_activity} shows it to whoever waits.
 */
final class PostgresDialect implements Dialect {

    /** Any constant: the key of the advisory lock that serialises first-use migrations. */
    private static final long MIGRATION_LOCK = 0x74656e616e74L;

    private static final String APP = "tenantctl";

    @Override
    public Connection openForRead(StateUrl url) throws SQLException {
        Connection connection = connect(url, APP);
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        return connection;
    }

    @Override
    public Connection openForWrite(StateUrl url, Duration timeout, LockHolder me) throws SQLException {
        Connection connection = connect(url, applicationName(me));
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'");
                s.executeQuery("SELECT revision FROM tc_head WHERE id = 1 FOR UPDATE")
                        .close();
            }
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private static Connection connect(StateUrl url, String applicationName) throws SQLException {
        Properties properties = new Properties();
        if (!url.user().isEmpty()) {
            properties.setProperty("user", url.user());
        }
        if (!url.password().isEmpty()) {
            properties.setProperty("password", url.password());
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
        try (Statement s = connection.createStatement()) {
            // A client that dies while its query runs is noticed within a second, and its lock
            // released, instead of when the query would have ended (PostgreSQL 14 and later).
            s.execute("SET client_connection_check_interval = '1s'");
        } catch (SQLException e) {
            // older servers lack the setting; a dead client is then noticed when the socket closes
        }
        return connection;
    }

    /** {@code tenantctl|identity|host|pid|since}, cut to the 63 bytes PostgreSQL keeps. */
    private static String applicationName(LockHolder me) {
        String name = APP + "|" + me.identity() + "|" + me.host() + "|" + me.pid() + "|"
                + me.since().getEpochSecond();
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    @Override
    public Connection openForMigration(StateUrl url, Duration timeout, LockHolder me) throws SQLException {
        Connection connection = connect(url, applicationName(me));
        try {
            // READ COMMITTED: after waiting for another migrator, the next statement sees its tables.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'");
            }
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                s.setLong(1, MIGRATION_LOCK);
                s.executeQuery().close();
            }
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    @Override
    public boolean isRetryable(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    /** The backends that hold the write lock: a row lock on the head row shows as RowShareLock on tc_head. */
    private static final String HOLDERS = "SELECT a.application_name, a.pid, a.xact_start, host(a.client_addr)"
            + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'relation' AND l.relation = 'tc_head'::regclass"
            + " AND l.mode = 'RowShareLock' AND l.granted AND a.pid <> pg_backend_pid()"
            + " ORDER BY a.xact_start";

    /** A backend that holds the write lock, and the holder it stands for. */
    private record Backend(long pid, LockHolder holder) {}

    private static List<Backend> holders(Connection connection) throws SQLException {
        List<Backend> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(HOLDERS)) {
            while (rs.next()) {
                String app = rs.getString(1);
                Timestamp started = rs.getTimestamp(3);
                Instant since = started == null ? Instant.EPOCH : started.toInstant();
                String[] parts = app == null ? new String[0] : app.split("\\|");
                LockHolder holder;
                if (parts.length >= 4 && APP.equals(parts[0])) {
                    holder = new LockHolder(parts[1], parts[2], parseLong(parts[3]), since);
                } else {
                    String client = rs.getString(4);
                    holder = new LockHolder(
                            app == null || app.isEmpty() ? "unknown client" : app,
                            client == null ? "local" : client,
                            rs.getLong(2),
                            since);
                }
                out.add(new Backend(rs.getLong(2), holder));
            }
        }
        return out;
    }

    @Override
    public Optional<LockHolder> holder(StateUrl url) {
        try (Connection connection = connect(url, APP)) {
            return holders(connection).stream().findFirst().map(Backend::holder);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<LockHolder> lockedBy(StateUrl url) {
        return holder(url);
    }

    /**
     * Ends the holder's session with {@code pg_terminate_backend}: the server rolls its transaction
     * back and releases the row lock, and the holder's next statement fails, so it commits nothing.
     */
    @Override
    public Optional<String> stop(StateUrl url, LockHolder holder) {
        try (Connection connection = connect(url, APP)) {
            for (Backend backend : holders(connection)) {
                if (backend.holder().equals(holder)) {
                    try (PreparedStatement s = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
                        s.setInt(1, (int) backend.pid());
                        try (ResultSet rs = s.executeQuery()) {
                            if (rs.next() && rs.getBoolean(1)) {
                                return Optional.empty();
                            }
                        }
                    }
                    return Optional.of("the server did not end session " + backend.pid() + " of the holder");
                }
            }
            return Optional.of("the holder no longer holds the lock");
        } catch (SQLException e) {
            return Optional.of("the server refused to end the holder's session ("
                    + (e.getMessage() == null ? e.getSQLState() : e.getMessage().replaceAll("\\s+", " "))
                    + "); a superuser or a member of pg_signal_backend can");
        }
    }

    @Override
    public void forgetStaleHolder(StateUrl url) {
        // the server keeps no note of past holders
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void released(StateUrl url) {
        // the row lock ends with the transaction
    }

    @Override
    public String describeFailure(StateUrl url, SQLException e) {
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().replaceAll("\\s+", " ");
        return "cannot use PostgreSQL state at " + url.display() + ": " + message;
    }
}
