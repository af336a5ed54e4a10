package io.tenantctl.state.jdbc;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.state.ActionRecord;
import io.tenantctl.state.Commit;
import io.tenantctl.state.Ownership;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.StateException;
import io.tenantctl.state.StateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one apply on the locked connection: the objects that changed (in batches, only those),
 * the ownership of the declared ones, the deletions, what the applyset applied, the history
 * record, and the head row moved to the next revision only if it is still at the revision the
 * snapshot read. Then commits; any failure before that rolls everything back.
 */
final class Commits {

    private static final String UPSERT = "INSERT INTO tc_object (kind, name, manifest, revision, applyset, source)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, name) DO UPDATE SET manifest = excluded.manifest,"
            + " revision = excluded.revision, applyset = excluded.applyset, source = excluded.source";

    private final Database database;

    Commits(Database database) {
        this.database = database;
    }

    /** The locked snapshot and the single commit allowed on it. */
    final class Locked implements StateStore.Transaction {
        private final Connection connection;
        private final Snapshot snapshot;
        private boolean committed;

        Locked(Connection connection, Snapshot snapshot) {
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
                write(connection, snapshot, commit);
                connection.commit();
                committed = true;
            } catch (SQLException e) {
                Locking.rollbackQuietly(connection);
                throw database.failure(e);
            }
        }

        @Override
        public List<ActionRecord> actions() {
            try {
                return Actions.read(connection);
            } catch (SQLException e) {
                throw database.failure(e);
            }
        }

        @Override
        public void commitActions(List<ActionRecord> actions) {
            if (committed) {
                throw new IllegalStateException("a transaction commits once");
            }
            try {
                Actions.write(connection, actions);
                connection.commit();
                committed = true;
            } catch (SQLException e) {
                Locking.rollbackQuietly(connection);
                throw database.failure(e);
            }
        }

        /** Whether the work committed; if not, the caller rolls back. */
        boolean committed() {
            return committed;
        }
    }

    private void write(Connection connection, Snapshot before, Commit commit) throws SQLException {
        long revision = before.revision() + 1;
        Map<ObjectRef, WorldObject> gone = new HashMap<>();
        for (WorldObject o : before.world().objects()) {
            gone.put(o.ref(), o);
        }
        try (Batch put = new Batch(connection, UPSERT);
                Batch own = new Batch(
                        connection, "UPDATE tc_object SET applyset = ?, source = ? WHERE kind = ? AND name = ?")) {
            for (WorldObject object : commit.world().objects()) {
                ObjectRef ref = object.ref();
                WorldObject previous = gone.remove(ref);
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
        AppliedRecords.remember(connection, commit.applyset(), commit.source(), revision);
        try (Batch delete = new Batch(connection, "DELETE FROM tc_object WHERE kind = ? AND name = ?");
                Batch forget = AppliedRecords.forgetting(connection)) {
            for (ObjectRef ref : gone.keySet()) {
                delete.add(ref.kind().manifestName(), ref.name());
                forget.add(commit.applyset(), ref.kind().manifestName(), ref.name());
            }
        }
        // The record last: an apply may still be making it (the plan's digest) while the
        // objects above are written.
        RevisionRecord record = commit.revision();
        if (record.revision() != revision) {
            throw new IllegalStateException(
                    "commit for revision " + record.revision() + " on a state at revision " + before.revision());
        }
        History.write(connection, record);
        Actions.write(connection, commit.actions());
        if (commit.journalRun().isPresent()) {
            Journals.committed(connection, commit.journalRun().get());
        }
        try (PreparedStatement head = connection.prepareStatement(
                "UPDATE tc_head SET revision = ?, updated_at = ? WHERE id = 1 AND revision = ?")) {
            head.setLong(1, revision);
            head.setString(2, record.time().toString());
            head.setLong(3, before.revision());
            if (head.executeUpdate() != 1) {
                throw new StateException(
                        Codes.STALE_PLAN, "the state at " + database.location() + " moved during the apply");
            }
        }
    }
}
