package io.tenantctl.state.jdbc;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.WorldObject;
import io.tenantctl.state.Ownership;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.StateDump;
import io.tenantctl.state.StateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/**
 * A whole state out of a store and into another ({@code state copy}): the dump is one consistent
 * read; the restore replaces everything in one transaction on the locked connection, refusing a
 * store that already holds a state unless forced.
 */
final class Copies {

    private final Database database;
    private final Snapshots snapshots;
    private final AppliedRecords applied;
    private final Clock clock;

    Copies(Database database, Snapshots snapshots, AppliedRecords applied, Clock clock) {
        this.database = database;
        this.snapshots = snapshots;
        this.applied = applied;
        this.clock = clock;
    }

    StateDump dump(Connection connection) throws SQLException {
        return new StateDump(
                snapshots.read(connection), History.read(connection, 0), applied.all(connection), profile(connection));
    }

    /** The profile the state was created under. */
    static String profile(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT profile FROM tc_head WHERE id = 1")) {
            return rs.next() ? rs.getString(1) : "classic";
        }
    }

    void restore(Connection connection, StateDump dump, boolean force) throws SQLException {
        Snapshot current = snapshots.read(connection);
        boolean empty = current.revision() == 0 && current.world().size() == 0;
        if (!empty && !force) {
            throw new StateException(
                    Codes.STATE,
                    "the state at " + database.location() + " is not empty (revision " + current.revision() + ", "
                            + current.world().size() + " objects); pass --force to overwrite it");
        }
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM tc_applied");
            s.executeUpdate("DELETE FROM tc_step");
            s.executeUpdate("DELETE FROM tc_revision");
            s.executeUpdate("DELETE FROM tc_object");
        }
        Snapshot wanted = dump.snapshot();
        try (Batch put = new Batch(
                connection,
                "INSERT INTO tc_object (kind, name, manifest, revision, applyset, source) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (WorldObject object : wanted.world().objects()) {
                Ownership o = wanted.ownership(object.ref()).orElse(new Ownership(wanted.revision(), "", ""));
                put.add(
                        object.kind().manifestName(),
                        object.name(),
                        ManifestCodec.canonicalJson(object),
                        o.revision(),
                        o.applyset(),
                        o.source());
            }
        }
        for (RevisionRecord r : dump.history()) {
            History.write(connection, r);
        }
        AppliedRecords.insert(connection, dump.applied());
        try (PreparedStatement head = connection.prepareStatement(
                "UPDATE tc_head SET lineage = ?, revision = ?, updated_at = ?, profile = ? WHERE id = 1")) {
            head.setString(1, wanted.lineage());
            head.setLong(2, wanted.revision());
            head.setString(3, clock.instant().toString());
            head.setString(4, dump.profile());
            head.executeUpdate();
        }
        connection.commit();
    }
}
