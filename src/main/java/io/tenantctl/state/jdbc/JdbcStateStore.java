package io.tenantctl.state.jdbc;

import io.tenantctl.diag.Codes;
import io.tenantctl.json.Json;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.state.Applied;
import io.tenantctl.state.Commit;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.Ownership;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.StateDump;
import io.tenantctl.state.StateException;
import io.tenantctl.state.StateLockedException;
import io.tenantctl.state.StateStore;
import io.tenantctl.state.StepEntry;
import io.tenantctl.world.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state store over JDBC, in portable SQL.
 *
 * <p>Every write is one transaction that holds the dialect's write lock from before it reads the
 * head revision until it commits: the revision it saw is the revision it replaces, and a failure
 * at any point rolls everything back. Objects are written in batches, and only those that changed.
 */
public final class JdbcStateStore implements StateStore {

    private static final int BATCH = 1000;
    private static final int RETRIES = 5;

    private final StateUrl url;
    private final Dialect dialect;
    private final Clock clock;
    private final Supplier<String> lineages;
    private final Random jitter = new Random();

    private JdbcStateStore(StateUrl url, Dialect dialect, Clock clock, Supplier<String> lineages) {
        this.url = url;
        this.dialect = dialect;
        this.clock = clock;
        this.lineages = lineages;
    }

    /**
     * Opens the store, creating it (and for SQLite its folder) and upgrading its schema on first use.
     *
     * @param lineages where a new store's lineage id comes from (a random UUID, except in tests)
     */
    public static JdbcStateStore open(String url, Clock clock, Supplier<String> lineages, Duration lockTimeout) {
        JdbcStateStore store = of(url, clock, lineages);
        store.migrate(lockTimeout, false);
        return store;
    }

    /**
     * Opens a store that must already exist (the source of {@code state copy}): a mistyped URL is an
     * error, not a new empty state that a forced copy would then spread.
     */
    public static JdbcStateStore openExisting(
            String url, Clock clock, Supplier<String> lineages, Duration lockTimeout) {
        JdbcStateStore store = of(url, clock, lineages);
        store.migrate(lockTimeout, true);
        return store;
    }

    private static JdbcStateStore of(String url, Clock clock, Supplier<String> lineages) {
        StateUrl parsed = StateUrl.parse(url);
        return new JdbcStateStore(parsed, Dialect.of(parsed), clock, lineages);
    }

    @Override
    public String location() {
        return url.display();
    }

    /** Creates or upgrades the schema; with {@code mustExist}, a store without one is an error instead. */
    private void migrate(Duration lockTimeout, boolean mustExist) {
        if (mustExist && url.kind() == StateUrl.Kind.SQLITE && !Files.isRegularFile(url.sqlitePath())) {
            throw new StateException(Codes.STATE, "no state at " + location() + ": the file does not exist");
        }
        if (url.kind() == StateUrl.Kind.SQLITE) {
            Path parent = url.sqlitePath().toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new StateException(
                        Codes.STATE,
                        "cannot create the folder of the state file " + url.sqlitePath() + ": " + e.getMessage());
            }
        }
        try (Connection read = dialect.openForRead(url)) {
            int version = Migrations.current(read);
            read.rollback();
            if (version == 0 && mustExist) {
                throw new StateException(
                        Codes.STATE, "no state at " + location() + ": the database holds no tenantctl tables");
            }
            if (version == Migrations.latest()) {
                return;
            }
            if (version > Migrations.latest()) {
                throw new StateException(
                        Codes.STATE,
                        "the state at " + location() + " has schema version " + version
                                + ", newer than this tenantctl understands (" + Migrations.latest()
                                + "); upgrade tenantctl");
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        withLock(() -> dialect.openForMigration(url, lockTimeout, me()), lockTimeout, connection -> {
            int version = Migrations.current(connection);
            if (version < Migrations.latest()) {
                String now = clock.instant().toString();
                Migrations.apply(connection, version, now);
                if (version == 0) {
                    try (PreparedStatement s = connection.prepareStatement(
                            "INSERT INTO tc_head (id, lineage, revision, updated_at) VALUES (1, ?, 0, ?)")) {
                        s.setString(1, lineages.get());
                        s.setString(2, now);
                        s.executeUpdate();
                    }
                }
            }
            connection.commit();
            return null;
        });
    }

    private static LockHolder me() {
        return LockHolder.thisProcess(System.getProperty("user.name", "unknown"), Instant.now());
    }

    @Override
    public Snapshot read() {
        try (Connection connection = dialect.openForRead(url)) {
            Snapshot snapshot = readSnapshot(connection);
            connection.rollback();
            return snapshot;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private Snapshot readSnapshot(Connection connection) throws SQLException {
        String lineage;
        long revision;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT lineage, revision FROM tc_head WHERE id = 1")) {
            if (!rs.next()) {
                throw new StateException(Codes.STATE, "the state at " + location() + " has no head row; it is damaged");
            }
            lineage = rs.getString(1);
            revision = rs.getLong(2);
        }
        List<WorldObject> objects = new ArrayList<>();
        Map<ObjectRef, Ownership> ownership = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(BATCH);
            try (ResultSet rs = s.executeQuery("SELECT manifest, revision, applyset, source FROM tc_object")) {
                while (rs.next()) {
                    WorldObject object = decode(rs.getString(1));
                    objects.add(object);
                    ownership.put(object.ref(), new Ownership(rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return new Snapshot(lineage, revision, World.of(objects), ownership);
    }

    private WorldObject decode(String manifest) {
        try {
            return ManifestCodec.decode(Json.parse(manifest));
        } catch (RuntimeException e) {
            throw new StateException(
                    Codes.STATE,
                    "the state at " + location() + " holds an object this version" + " cannot read: " + e.getMessage());
        }
    }

    @Override
    public <T> T write(Duration timeout, LockHolder holder, WriteWork<T> work) {
        return withLock(() -> dialect.openForWrite(url, timeout, holder), timeout, connection -> {
            Snapshot snapshot = readSnapshot(connection);
            LockedTransaction transaction = new LockedTransaction(connection, snapshot);
            T result = work.run(transaction);
            if (!transaction.committed) {
                connection.rollback();
            }
            return result;
        });
    }

    /** Work on a connection that holds the write lock. */
    private interface LockedWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Opens a connection that holds a lock. */
    private interface Opener {
        Connection open() throws SQLException;
    }

    /**
     * Runs work on a locked connection; a lock wait that runs out becomes {@link StateLockedException},
     * a serialization failure or deadlock is retried a few times with jitter.
     */
    private <T> T withLock(Opener opener, Duration timeout, LockedWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            Connection connection = null;
            try {
                connection = opener.open();
                return work.run(connection);
            } catch (SQLException e) {
                rollbackQuietly(connection);
                if (dialect.isLockTimeout(e)) {
                    Optional<LockHolder> other = dialect.holder(url);
                    throw new StateLockedException(
                            "the state at " + location() + " is locked by another apply"
                                    + other.map(h -> ", held by " + h.describe())
                                            .orElse("")
                                    + "; gave up after waiting " + seconds(timeout),
                            other);
                }
                if (dialect.isRetryable(e) && attempt < RETRIES) {
                    sleep(attempt);
                    continue;
                }
                throw failure(e);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                closeQuietly(connection);
                if (connection != null) {
                    dialect.released(url);
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
            throw new StateException(Codes.STATE, "interrupted while retrying a write to " + location());
        }
    }

    private static void rollbackQuietly(Connection connection) {
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

    private StateException failure(SQLException e) {
        return new StateException(Codes.STATE, dialect.describeFailure(url, e), e);
    }

    /** The locked snapshot and the single commit allowed on it. */
    private final class LockedTransaction implements Transaction {
        private final Connection connection;
        private final Snapshot snapshot;
        private boolean committed;

        LockedTransaction(Connection connection, Snapshot snapshot) {
            this.connection = connection;
            this.snapshot = snapshot;
        }

        @Override
        public Snapshot snapshot() {
            return snapshot;
        }

        @Override
        public void commit(Commit commit) {
            if (committed) {
                throw new IllegalStateException("a transaction commits once");
            }
            try {
                writeCommit(connection, snapshot, commit);
                connection.commit();
                committed = true;
            } catch (SQLException e) {
                rollbackQuietly(connection);
                throw failure(e);
            }
        }
    }

    private void writeCommit(Connection connection, Snapshot before, Commit commit) throws SQLException {
        long revision = before.revision() + 1;
        if (commit.revision().revision() != revision) {
            throw new IllegalStateException("commit for revision "
                    + commit.revision().revision() + " on a state at revision " + before.revision());
        }
        Map<ObjectRef, WorldObject> old = new HashMap<>();
        for (WorldObject o : before.world().objects()) {
            old.put(o.ref(), o);
        }
        String upsert = "INSERT INTO tc_object (kind, name, manifest, revision, applyset, source)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, name) DO UPDATE SET manifest = excluded.manifest,"
                + " revision = excluded.revision, applyset = excluded.applyset, source = excluded.source";
        try (Batch put = new Batch(connection, upsert);
                Batch own = new Batch(
                        connection, "UPDATE tc_object SET applyset = ?, source = ? WHERE kind = ? AND name = ?")) {
            for (WorldObject object : commit.world().objects()) {
                ObjectRef ref = object.ref();
                WorldObject previous = old.remove(ref);
                boolean declared = commit.declared().contains(ref);
                Optional<Ownership> had = before.ownership(ref);
                String applyset = declared
                        ? commit.applyset()
                        : had.map(Ownership::applyset).orElse("");
                String source =
                        declared ? commit.source() : had.map(Ownership::source).orElse("");
                String kind = object.kind().manifestName();
                if (previous == null || !previous.equals(object)) {
                    put.add(kind, object.name(), ManifestCodec.canonicalJson(object), revision, applyset, source);
                } else if (declared
                        && had.map(h -> !h.applyset().equals(applyset)
                                        || !h.source().equals(source))
                                .orElse(true)) {
                    own.add(applyset, source, kind, object.name());
                }
            }
        }
        rememberApplied(connection, commit, revision);
        // The applyset that deletes an object forgets it; what other applysets applied stays, so
        // that they see the deletion as drift.
        try (Batch delete = new Batch(connection, "DELETE FROM tc_object WHERE kind = ? AND name = ?");
                Batch forget =
                        new Batch(connection, "DELETE FROM tc_applied WHERE applyset = ? AND kind = ? AND name = ?")) {
            for (ObjectRef gone : old.keySet()) {
                delete.add(gone.kind().manifestName(), gone.name());
                forget.add(commit.applyset(), gone.kind().manifestName(), gone.name());
            }
        }
        writeRevision(connection, commit.revision());
        try (PreparedStatement head = connection.prepareStatement(
                "UPDATE tc_head SET revision = ?, updated_at = ? WHERE id = 1 AND revision = ?")) {
            head.setLong(1, revision);
            head.setString(2, commit.revision().time().toString());
            head.setLong(3, before.revision());
            if (head.executeUpdate() != 1) {
                throw new StateException(Codes.STALE_PLAN, "the state at " + location() + " moved during the apply");
            }
        }
    }

    private Map<String, Map<ObjectRef, Applied>> readApplied(Connection connection) throws SQLException {
        Map<String, Map<ObjectRef, Applied>> out = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT applyset, manifest, revision, source FROM tc_applied")) {
            while (rs.next()) {
                WorldObject object = decode(rs.getString(2));
                out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(object.ref(), new Applied(object, rs.getLong(3), rs.getString(4)));
            }
        }
        return out;
    }

    /**
     * Records what the applyset applied: every object it owns now, as it is now. Both sides are
     * canonical JSON, so the database writes only the rows that differ.
     */
    private static void rememberApplied(Connection connection, Commit commit, long revision) throws SQLException {
        String sql = "INSERT INTO tc_applied (applyset, kind, name, manifest, revision, source)"
                + " SELECT o.applyset, o.kind, o.name, o.manifest, ?, ? FROM tc_object o WHERE o.applyset = ?"
                + " AND NOT EXISTS (SELECT 1 FROM tc_applied a WHERE a.applyset = o.applyset AND a.kind = o.kind"
                + " AND a.name = o.name AND a.manifest = o.manifest)"
                + " ON CONFLICT (applyset, kind, name) DO UPDATE SET manifest = excluded.manifest,"
                + " revision = excluded.revision, source = excluded.source";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, revision);
            s.setString(2, commit.source());
            s.setString(3, commit.applyset());
            s.executeUpdate();
        }
    }

    @Override
    public Map<ObjectRef, Applied> differingFromApplied(String applyset) {
        // Both sides are canonical JSON, so the database compares them and returns only the few
        // that differ, instead of every object being read and decoded.
        String sql = "SELECT a.manifest, a.revision, a.source FROM tc_applied a LEFT JOIN tc_object o"
                + " ON o.kind = a.kind AND o.name = a.name"
                + " WHERE a.applyset = ? AND (o.manifest IS NULL OR o.manifest <> a.manifest)";
        try (Connection connection = dialect.openForRead(url);
                PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, applyset);
            Map<ObjectRef, Applied> out = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    WorldObject object = decode(rs.getString(1));
                    out.put(object.ref(), new Applied(object, rs.getLong(2), rs.getString(3)));
                }
            }
            connection.rollback();
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<RevisionRecord> revision(long number) {
        try (Connection connection = dialect.openForRead(url)) {
            Optional<RevisionRecord> out = readRevisions(connection, "WHERE revision = " + number, 0, false).stream()
                    .findFirst();
            connection.rollback();
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<Long> deletedIn(ObjectRef ref) {
        try (Connection connection = dialect.openForRead(url);
                PreparedStatement s = connection.prepareStatement(
                        "SELECT MAX(revision) FROM tc_step WHERE target = ?" + " AND op = ?")) {
            s.setString(1, ref.toString());
            s.setString(2, "Delete" + ref.kind().manifestName());
            try (ResultSet rs = s.executeQuery()) {
                long found = rs.next() ? rs.getLong(1) : 0;
                connection.rollback();
                return found > 0 ? Optional.of(found) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void writeRevision(Connection connection, RevisionRecord r) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO tc_revision (revision, applied_at,"
                        + " as_identities, actors, summary, digest, source, applyset, step_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, r.revision());
            s.setString(2, r.time().toString());
            s.setString(3, Json.compact(strings(r.as())));
            s.setString(4, Json.compact(strings(r.actors())));
            ObjectNode summary = Json.object();
            new TreeMap<>(r.summary()).forEach(summary::put);
            s.setString(5, Json.compact(summary));
            s.setString(6, r.digest());
            s.setString(7, Json.compact(Json.map(new TreeMap<>(r.source()))));
            s.setString(8, r.applyset());
            s.setInt(9, r.steps().size());
            s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO tc_step (revision, idx, op, target, actor, body) VALUES (?, ?, ?, ?, ?, ?)")) {
            int index = 0;
            int pending = 0;
            for (StepEntry step : r.steps()) {
                s.setLong(1, r.revision());
                s.setInt(2, ++index);
                s.setString(3, step.op());
                s.setString(4, step.target());
                s.setString(5, step.actor().orElse(null));
                s.setString(6, step.json());
                s.addBatch();
                if (++pending == BATCH) {
                    s.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                s.executeBatch();
            }
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }

    @Override
    public List<RevisionRecord> history(int limit) {
        try (Connection connection = dialect.openForRead(url)) {
            List<RevisionRecord> records = readHistory(connection, limit);
            connection.rollback();
            return records;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public StateDump dump() {
        try (Connection connection = dialect.openForRead(url)) {
            StateDump dump =
                    new StateDump(readSnapshot(connection), readHistory(connection, 0), readApplied(connection));
            connection.rollback();
            return dump;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void restore(StateDump dump, boolean force, Duration timeout, LockHolder me) {
        withLock(() -> dialect.openForWrite(url, timeout, me), timeout, connection -> {
            Snapshot current = readSnapshot(connection);
            boolean empty = current.revision() == 0 && current.world().size() == 0;
            if (!empty && !force) {
                throw new StateException(
                        Codes.STATE,
                        "the state at " + location() + " is not empty (revision " + current.revision() + ", "
                                + current.world().size() + " objects); pass --force to overwrite it");
            }
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("DELETE FROM tc_applied");
                s.executeUpdate("DELETE FROM tc_step");
                s.executeUpdate("DELETE FROM tc_revision");
                s.executeUpdate("DELETE FROM tc_object");
            }
            Snapshot wanted = dump.snapshot();
            try (PreparedStatement put = connection.prepareStatement("INSERT INTO tc_object (kind, name, manifest,"
                    + " revision, applyset, source) VALUES (?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (WorldObject object : wanted.world().objects()) {
                    Ownership o = wanted.ownership(object.ref()).orElse(new Ownership(wanted.revision(), "", ""));
                    put.setString(1, object.kind().manifestName());
                    put.setString(2, object.name());
                    put.setString(3, ManifestCodec.canonicalJson(object));
                    put.setLong(4, o.revision());
                    put.setString(5, o.applyset());
                    put.setString(6, o.source());
                    put.addBatch();
                    if (++pending == BATCH) {
                        put.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    put.executeBatch();
                }
            }
            for (RevisionRecord r : dump.history()) {
                writeRevision(connection, r);
            }
            try (Batch remember = new Batch(
                    connection,
                    "INSERT INTO tc_applied (applyset, kind, name, manifest,"
                            + " revision, source) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, Map<ObjectRef, Applied>> set :
                        dump.applied().entrySet()) {
                    for (Applied a : set.getValue().values()) {
                        remember.add(
                                set.getKey(),
                                a.object().kind().manifestName(),
                                a.object().name(),
                                ManifestCodec.canonicalJson(a.object()),
                                a.revision(),
                                a.source());
                    }
                }
            }
            try (PreparedStatement head = connection.prepareStatement(
                    "UPDATE tc_head SET lineage = ?, revision = ?, updated_at = ? WHERE id = 1")) {
                head.setString(1, wanted.lineage());
                head.setLong(2, wanted.revision());
                head.setString(3, clock.instant().toString());
                head.executeUpdate();
            }
            connection.commit();
            return null;
        });
    }

    private static List<RevisionRecord> readHistory(Connection connection, int limit) throws SQLException {
        return readRevisions(connection, "", limit, true);
    }

    /** Revisions matching {@code where}, newest first, with their steps or without. */
    private static List<RevisionRecord> readRevisions(Connection connection, String where, int limit, boolean withSteps)
            throws SQLException {
        Map<Long, RevisionRecord> records = new LinkedHashMap<>();
        String sql = "SELECT revision, applied_at, as_identities, actors, summary, digest, source, applyset"
                + " FROM tc_revision " + where + " ORDER BY revision DESC" + (limit > 0 ? " LIMIT " + limit : "");
        Map<Long, List<StepEntry>> steps = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long revision = rs.getLong(1);
                steps.put(revision, new ArrayList<>());
                Map<String, Integer> summary = new TreeMap<>();
                Json.parse(rs.getString(5))
                        .properties()
                        .forEach(e -> summary.put(e.getKey(), e.getValue().asInt()));
                Map<String, String> source = new TreeMap<>();
                Json.parse(rs.getString(7))
                        .properties()
                        .forEach(e -> source.put(e.getKey(), e.getValue().asString()));
                records.put(
                        revision,
                        new RevisionRecord(
                                revision,
                                Instant.parse(rs.getString(2)),
                                list(rs.getString(3)),
                                list(rs.getString(4)),
                                summary,
                                rs.getString(6),
                                source,
                                rs.getString(8),
                                List.of()));
            }
        }
        if (withSteps && !records.isEmpty()) {
            long oldest =
                    records.keySet().stream().mapToLong(Long::longValue).min().orElse(0);
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT revision, op, target, actor, body FROM tc_step WHERE revision >= ? ORDER BY revision, idx")) {
                s.setLong(1, oldest);
                s.setFetchSize(BATCH);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        List<StepEntry> list = steps.get(rs.getLong(1));
                        if (list != null) {
                            list.add(new StepEntry(
                                    rs.getString(2),
                                    rs.getString(3),
                                    Optional.ofNullable(rs.getString(4)),
                                    rs.getString(5)));
                        }
                    }
                }
            }
        }
        List<RevisionRecord> out = new ArrayList<>();
        for (RevisionRecord r : records.values()) {
            out.add(new RevisionRecord(
                    r.revision(),
                    r.time(),
                    r.as(),
                    r.actors(),
                    r.summary(),
                    r.digest(),
                    r.source(),
                    r.applyset(),
                    steps.get(r.revision())));
        }
        return out;
    }

    private static List<String> list(String json) {
        List<String> out = new ArrayList<>();
        Json.parse(json).forEach(n -> out.add(n.asString()));
        return out;
    }

    @Override
    public void close() {
        // connections are opened per operation; nothing is held between them
    }
}
