package io.tenantctl.agent.store;

import io.tenantctl.diag.Codes;
import io.tenantctl.state.StateException;
import io.tenantctl.state.jdbc.Dialect;
import io.tenantctl.state.jdbc.StateUrl;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * PostgreSQL: a session-level advisory lock per source, each on a connection of its own that is
 * kept open while the agent leads. The server drops the lock when the session ends: at once when
 * the leader's process dies (its socket closes), and after TCP keepalive gives up when its machine
 * vanishes. The lock's session carries the leader's name in {@code application_name}.
 */
final class AdvisoryLockLeadership implements Leadership {

    /** The first key of every agent lock: "tcag". */
    private static final int CLASS_ID = 0x74636167;

    private final StateUrl url;
    private final Dialect dialect;
    private final String me;
    private final Map<String, Connection> held = new HashMap<>();

    AdvisoryLockLeadership(StateUrl url, String me) {
        this.url = url;
        this.dialect = Dialect.of(url);
        this.me = me;
    }

    @Override
    public synchronized boolean tryLead(String source) {
        if (leads(source)) {
            return true;
        }
        Connection connection = null;
        try {
            connection = dialect.openForRead(url);
            connection.setAutoCommit(true);
            connection.setReadOnly(false);
            try (PreparedStatement s = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                String name = "tenantctl-agent|" + source + "|" + me;
                s.setString(1, name.length() > 63 ? name.substring(0, 63) : name);
                s.executeQuery().close();
            }
            boolean got;
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                s.setInt(1, CLASS_ID);
                s.setInt(2, key(source));
                try (ResultSet rs = s.executeQuery()) {
                    got = rs.next() && rs.getBoolean(1);
                }
            }
            if (!got) {
                connection.close();
                return false;
            }
            held.put(source, connection);
            return true;
        } catch (SQLException e) {
            close(connection);
            throw new StateException(Codes.STATE, dialect.describeFailure(url, e), e);
        }
    }

    @Override
    public synchronized boolean leads(String source) {
        Connection connection = held.get(source);
        if (connection == null) {
            return false;
        }
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(10);
            s.executeQuery("SELECT 1").close();
            return true;
        } catch (SQLException e) {
            // The session is gone, and with it the lock: another agent may lead the source now.
            held.remove(source);
            close(connection);
            return false;
        }
    }

    @Override
    public synchronized void release(String source) {
        close(held.remove(source));
    }

    @Override
    public synchronized void close() {
        held.values().forEach(AdvisoryLockLeadership::close);
        held.clear();
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing the session releases its locks; a broken one is already gone
            }
        }
    }

    /** The second key: the first four bytes of the SHA-256 of the source's name. */
    static int key(String source) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
