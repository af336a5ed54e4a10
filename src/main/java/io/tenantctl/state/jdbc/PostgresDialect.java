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

    @Override
    public Optional<LockHolder> holder(StateUrl url) {
        String sql = "SELECT a.application_name, a.pid, a.xact_start, host(a.client_addr)"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'relation' AND l.relation = 'tc_head'::regclass"
                + " AND l.mode = 'RowShareLock' AND l.granted AND a.pid <> pg_backend_pid()"
                + " ORDER BY a.xact_start LIMIT 1";
        try (Connection connection = connect(url, APP);
                Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String app = rs.getString(1);
            Timestamp started = rs.getTimestamp(3);
            Instant since = started == null ? Instant.EPOCH : started.toInstant();
            String[] parts = app == null ? new String[0] : app.split("\\|");
            if (parts.length >= 4 && APP.equals(parts[0])) {
                long pid = parseLong(parts[3]);
                return Optional.of(new LockHolder(parts[1], parts[2], pid, since));
            }
            String client = rs.getString(4);
            return Optional.of(new LockHolder(
                    app == null || app.isEmpty() ? "unknown client" : app,
                    client == null ? "local" : client,
                    rs.getLong(2),
                    since));
        } catch (SQLException e) {
            return Optional.empty();
        }
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
