package io.tenantctl.agent.store;

import io.tenantctl.agent.status.CycleEvent;
import io.tenantctl.agent.status.HeldPlan;
import io.tenantctl.agent.status.SourceStatus;
import io.tenantctl.agent.status.StatusCodec;
import io.tenantctl.diag.Codes;
import io.tenantctl.json.Json;
import io.tenantctl.state.StateException;
import io.tenantctl.state.jdbc.Dialect;
import io.tenantctl.state.jdbc.StateUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The agent's tables in the state store. Every method is one short transaction of its own, apart
 * from the state's write lock: writing a status never waits for an apply.
 */
public final class AgentStore {

    /** Tries of a write that met a busy SQLite snapshot. */
    private static final int RETRIES = 20;

    private final StateUrl url;
    private final Dialect dialect;

    private AgentStore(StateUrl url) {
        this.url = url;
        this.dialect = Dialect.of(url);
    }

    /** The agent's tables of a state that the state store has already opened (and so migrated). */
    public static AgentStore of(String stateUrl) {
        return new AgentStore(StateUrl.parse(stateUrl));
    }

    public StateUrl url() {
        return url;
    }

    /** The state's lineage and revision: one row, read in a few milliseconds. */
    public StateMark head() {
        return read(connection -> {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT lineage, revision FROM tc_head WHERE id = 1")) {
                if (!rs.next()) {
                    throw new StateException(Codes.STATE, "the state at " + url.display() + " has no head row");
                }
                return new StateMark(rs.getString(1), rs.getLong(2));
            }
        });
    }

    public Optional<SourceStatus> status(String source) {
        return statuses(source).stream().findFirst();
    }

    /** Every source any agent reported on, by name. */
    public List<SourceStatus> statuses() {
        return statuses(null);
    }

    private List<SourceStatus> statuses(String only) {
        return read(connection -> {
            String sql = "SELECT status FROM tc_agent_source" + (only == null ? "" : " WHERE source = ?")
                    + " ORDER BY source";
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                if (only != null) {
                    s.setString(1, only);
                }
                List<SourceStatus> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(StatusCodec.decode(Json.parse(rs.getString(1))));
                    }
                }
                return out;
            }
        });
    }

    public void save(SourceStatus status, Instant now) {
        write(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO tc_agent_source (source, status, updated_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (source) DO UPDATE SET status = excluded.status,"
                            + " updated_at = excluded.updated_at")) {
                s.setString(1, status.name());
                s.setString(2, Json.compact(StatusCodec.encode(status)));
                s.setString(3, now.toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The plan a source holds, without its document. */
    public Optional<HeldPlan> held(String source) {
        return heldRows(source).stream().findFirst();
    }

    /** Every held plan, by source. */
    public List<HeldPlan> heldPlans() {
        return heldRows(null);
    }

    private List<HeldPlan> heldRows(String only) {
        return read(connection -> {
            String sql = "SELECT source, digest, base_revision, commit_id, classes, step_count, held_at, approved_by,"
                    + " approved_at FROM tc_agent_plan" + (only == null ? "" : " WHERE source = ?")
                    + " ORDER BY source";
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                if (only != null) {
                    s.setString(1, only);
                }
                List<HeldPlan> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String by = rs.getString(8);
                        out.add(new HeldPlan(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getString(4),
                                StatusCodec.classes(Json.parse(rs.getString(5))),
                                rs.getInt(6),
                                Instant.parse(rs.getString(7)),
                                by == null
                                        ? Optional.empty()
                                        : Optional.of(new HeldPlan.Approval(by, Instant.parse(rs.getString(9))))));
                    }
                }
                return out;
            }
        });
    }

    /** The document of the plan a source holds, if it still holds the one with this digest. */
    public Optional<String> document(String source, String digest) {
        return read(connection -> {
            try (PreparedStatement s =
                    connection.prepareStatement("SELECT plan FROM tc_agent_plan WHERE source = ? AND digest = ?")) {
                s.setString(1, source);
                s.setString(2, digest);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Holds a plan for its source, replacing any plan the source held. */
    public void hold(HeldPlan plan, String document) {
        write(connection -> {
            delete(connection, plan.source());
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO tc_agent_plan (source, digest, base_revision, commit_id, classes, step_count, plan,"
                            + " held_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, plan.source());
                s.setString(2, plan.digest());
                s.setLong(3, plan.baseRevision());
                s.setString(4, plan.commit());
                s.setString(5, StatusCodec.classesJson(plan.classes()));
                s.setInt(6, plan.steps());
                s.setString(7, document);
                s.setString(8, plan.heldAt().toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets the plan a source holds (applied, or no longer what the source needs). */
    public void release(String source) {
        write(connection -> {
            delete(connection, source);
            return null;
        });
    }

    private static void delete(Connection connection, String source) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM tc_agent_plan WHERE source = ?")) {
            s.setString(1, source);
            s.executeUpdate();
        }
    }

    /**
     * Approves the plan a source holds, named by its digest ({@code sha256:HEX}, the hex alone, or
     * an unambiguous prefix of at least 12 hex digits).
     */
    public Approval approve(String source, String digest, String by, Instant at) {
        return write(connection -> {
            Optional<HeldPlan> held = inTransaction(connection, source);
            if (held.isEmpty()) {
                return new Approval(Approval.Result.NOTHING_WAITING, held);
            }
            HeldPlan plan = held.get();
            if (!matches(plan.digest(), digest)) {
                return new Approval(Approval.Result.OTHER_PLAN, held);
            }
            if (plan.approval().isPresent()) {
                return new Approval(Approval.Result.ALREADY_APPROVED, held);
            }
            try (PreparedStatement s = connection.prepareStatement("UPDATE tc_agent_plan SET approved_by = ?,"
                    + " approved_at = ? WHERE source = ? AND digest = ? AND approved_by IS NULL")) {
                s.setString(1, by);
                s.setString(2, at.toString());
                s.setString(3, source);
                s.setString(4, plan.digest());
                if (s.executeUpdate() == 0) {
                    // another approver got there between the read and the write
                    return new Approval(Approval.Result.ALREADY_APPROVED, inTransaction(connection, source));
                }
            }
            return new Approval(
                    Approval.Result.APPROVED,
                    Optional.of(new HeldPlan(
                            plan.source(),
                            plan.digest(),
                            plan.baseRevision(),
                            plan.commit(),
                            plan.classes(),
                            plan.steps(),
                            plan.heldAt(),
                            Optional.of(new HeldPlan.Approval(by, at)))));
        });
    }

    private Optional<HeldPlan> inTransaction(Connection connection, String source) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT digest, base_revision, commit_id, classes, step_count, held_at, approved_by, approved_at"
                        + " FROM tc_agent_plan WHERE source = ?")) {
            s.setString(1, source);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String approvedBy = rs.getString(7);
                return Optional.of(new HeldPlan(
                        source,
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        StatusCodec.classes(Json.parse(rs.getString(4))),
                        rs.getInt(5),
                        Instant.parse(rs.getString(6)),
                        approvedBy == null
                                ? Optional.empty()
                                : Optional.of(new HeldPlan.Approval(approvedBy, Instant.parse(rs.getString(8))))));
            }
        }
    }

    /** Whether {@code given} names {@code digest}: in full, without {@code sha256:}, or by a long prefix. */
    static boolean matches(String digest, String given) {
        String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
        String wanted = given.trim().toLowerCase(Locale.ROOT);
        if (wanted.startsWith("sha256:")) {
            wanted = wanted.substring(7);
        }
        return wanted.length() >= 12 && wanted.matches("[0-9a-f]+") && hex.startsWith(wanted);
    }

    /** Adds a cycle to a source's history and forgets all but the newest {@code keep}. */
    public void record(CycleEvent event, int keep) {
        write(connection -> {
            long seq;
            try (PreparedStatement s =
                    connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM tc_agent_event WHERE source = ?")) {
                s.setString(1, event.source());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1) + 1;
                }
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO tc_agent_event (source, seq, cycle, at, outcome, commit_id, revision, message)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, event.source());
                s.setLong(2, seq);
                s.setLong(3, event.cycle());
                s.setString(4, event.at().toString());
                s.setString(5, event.outcome());
                s.setString(6, event.commit());
                s.setLong(7, event.revision());
                s.setString(8, event.message());
                s.executeUpdate();
            }
            try (PreparedStatement s =
                    connection.prepareStatement("DELETE FROM tc_agent_event WHERE source = ? AND seq <= ?")) {
                s.setString(1, event.source());
                s.setLong(2, seq - keep);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** A source's history, newest first. */
    public List<CycleEvent> history(String source, int limit) {
        return read(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT cycle, at, outcome, commit_id, revision, message FROM tc_agent_event WHERE source = ?"
                            + " ORDER BY seq DESC LIMIT " + Math.max(1, limit))) {
                s.setString(1, source);
                List<CycleEvent> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CycleEvent(
                                source,
                                rs.getLong(1),
                                Instant.parse(rs.getString(2)),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }

    /** Work on a connection inside one transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        try (Connection connection = dialect.openForRead(url)) {
            T out = work.run(connection);
            connection.rollback();
            return out;
        } catch (SQLException e) {
            throw new StateException(Codes.STATE, dialect.describeFailure(url, e), e);
        }
    }

    /**
     * Runs the work in a transaction of its own. SQLite's readers see a snapshot, and one that read
     * before another connection wrote cannot write (SQLITE_BUSY_SNAPSHOT): the whole transaction is
     * then tried again on a fresh snapshot.
     */
    private <T> T write(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = openForWrite()) {
                try {
                    T out = work.run(connection);
                    connection.commit();
                    return out;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt < RETRIES && busy(e)) {
                    pause(attempt);
                    continue;
                }
                throw new StateException(Codes.STATE, dialect.describeFailure(url, e), e);
            }
        }
    }

    private static boolean busy(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt + (long) (Math.random() * 50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A connection for the agent's own rows. The dialect's read connection, made writable: the
     * state's write lock is for applies, and a status must never wait for one.
     */
    private Connection openForWrite() throws SQLException {
        Connection connection = dialect.openForRead(url);
        try {
            connection.setReadOnly(false);
            if (url.kind() == StateUrl.Kind.POSTGRESQL) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }
}
