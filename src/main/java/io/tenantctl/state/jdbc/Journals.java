package io.tenantctl.state.jdbc;

import io.tenantctl.json.Json;
import io.tenantctl.state.Journal;
import io.tenantctl.state.JournalRun;
import io.tenantctl.state.JournalStep;
import io.tenantctl.state.LockHolder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;

/**
 * The journal tables of migration 4 ({@code tc_journal_run}, {@code tc_journal_step}). Every record
 * is its own small transaction, committed before the method returns, on a connection that does not
 * take the state's write lock (a journal record never waits for an apply of the record provider,
 * and is durable at once: SQLite's {@code synchronous=FULL}, PostgreSQL's commit).
 */
final class Journals implements Journal {

    private static final int RETRIES = 5;

    private final Database database;

    Journals(Database database) {
        this.database = database;
    }

    @Override
    public Lease lease(Duration timeout, LockHolder me) {
        return LiveLease.take(database, timeout, me);
    }

    @Override
    public Optional<JournalRun> unfinished() {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, digest, plan, provider, holder, started_at, outcome FROM tc_journal_run"
                            + " WHERE outcome IS NULL ORDER BY id DESC")) {
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(run(c, rs)) : Optional.<JournalRun>empty();
                }
            }
        });
    }

    private static JournalRun run(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        Map<Integer, JournalStep> steps = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT idx, op, target, status, request_ids, error FROM tc_journal_step WHERE run = ?")) {
            s.setLong(1, id);
            try (ResultSet steprs = s.executeQuery()) {
                while (steprs.next()) {
                    List<String> ids = new ArrayList<>();
                    Json.parse(steprs.getString(5)).forEach(n -> ids.add(n.asString()));
                    steps.put(
                            steprs.getInt(1),
                            new JournalStep(
                                    steprs.getInt(1),
                                    steprs.getString(2),
                                    steprs.getString(3),
                                    JournalStep.Status.fromWireName(steprs.getString(4)),
                                    ids,
                                    Optional.ofNullable(steprs.getString(6))));
                }
            }
        }
        return new JournalRun(
                id,
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                Instant.parse(rs.getString(6)),
                Optional.ofNullable(rs.getString(7)),
                steps);
    }

    @Override
    public JournalRun begin(String digest, String plan, String provider, LockHolder holder, Instant at) {
        long id = write(c -> {
            // One statement, so that no read comes before the write in this transaction.
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tc_journal_run"
                    + " (id, digest, plan, provider, holder, started_at) SELECT COALESCE(MAX(id), 0) + 1, ?, ?, ?,"
                    + " ?, ? FROM tc_journal_run")) {
                s.setString(1, digest);
                s.setString(2, plan);
                s.setString(3, provider);
                s.setString(4, holder.describe());
                s.setString(5, at.toString());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT MAX(id) FROM tc_journal_run");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return new JournalRun(id, digest, plan, provider, holder.describe(), at, Optional.empty(), Map.of());
    }

    @Override
    public void started(long run, int index, String op, String target, Instant at) {
        write(c -> {
            // A step started again after a crash keeps its row: it is started, once more.
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE tc_journal_step SET status = 'started', started_at = ?, ended_at = NULL, error = NULL"
                            + " WHERE run = ? AND idx = ?")) {
                s.setString(1, at.toString());
                s.setLong(2, run);
                s.setInt(3, index);
                if (s.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tc_journal_step (run, idx, op, target, status,"
                    + " started_at, request_ids) VALUES (?, ?, ?, ?, 'started', ?, '[]')")) {
                s.setLong(1, run);
                s.setInt(2, index);
                s.setString(3, op);
                s.setString(4, target);
                s.setString(5, at.toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void done(long run, int index, List<String> requestIds, Instant at) {
        finish(run, index, JournalStep.Status.DONE, requestIds, null, at);
    }

    @Override
    public void failed(long run, int index, List<String> requestIds, String error, Instant at) {
        finish(run, index, JournalStep.Status.FAILED, requestIds, error, at);
    }

    private void finish(
            long run, int index, JournalStep.Status status, List<String> requestIds, String error, Instant at) {
        ArrayNode ids = Json.array();
        requestIds.forEach(ids::add);
        int changed = write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE tc_journal_step SET status = ?, ended_at = ?,"
                    + " request_ids = ?, error = ? WHERE run = ? AND idx = ?")) {
                s.setString(1, status.wireName());
                s.setString(2, at.toString());
                s.setString(3, Json.compact(ids));
                s.setString(4, error);
                s.setLong(5, run);
                s.setInt(6, index);
                return s.executeUpdate();
            }
        });
        if (changed != 1) {
            throw new IllegalStateException("step " + index + " of run " + run + " was never started");
        }
    }

    /** Inside a commit's transaction: the run's done steps are in the stored world from now on. */
    static void committed(Connection connection, long run) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE tc_journal_step SET status = 'committed' WHERE run = ? AND status = 'done'")) {
            s.setLong(1, run);
            s.executeUpdate();
        }
    }

    @Override
    public void end(long run, String outcome, Instant at) {
        write(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE tc_journal_run SET outcome = ?, ended_at = ? WHERE id = ?")) {
                s.setString(1, outcome);
                s.setString(2, at.toString());
                s.setLong(3, run);
                return s.executeUpdate();
            }
        });
    }

    /**
     * Runs the work in a transaction of its own and commits it. A SQLite writer that meets another
     * (an apply of the record provider, an agent's status) waits in the busy handler; one that
     * still finds the file busy is tried again a few times.
     */
    private <T> T write(Database.Reads<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = database.dialect().openForRead(database.url())) {
                connection.setReadOnly(false);
                if (database.url().kind() == StateUrl.Kind.POSTGRESQL) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                try {
                    T out = work.run(connection);
                    connection.commit();
                    return out;
                } catch (SQLException | RuntimeException e) {
                    Locking.rollbackQuietly(connection);
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt < RETRIES && database.dialect().isLockTimeout(e)) {
                    pause(attempt);
                    continue;
                }
                throw database.failure(e);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(25L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
