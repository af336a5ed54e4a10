package io.tenantctl.state.jdbc;

import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.state.Applied;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each applyset last applied ({@code tc_applied}): written after each commit, compared with
 * the live objects for drift, and copied whole by {@code state copy}. Both sides are canonical
 * JSON, so the database compares them and only the rows that differ travel.
 */
final class AppliedRecords {

    private static final String INSERT =
            "INSERT INTO tc_applied (applyset, kind, name, manifest, revision, source) VALUES (?, ?, ?, ?, ?, ?)";

    private final Database database;

    AppliedRecords(Database database) {
        this.database = database;
    }

    /** Records every object the applyset owns now, as it is now, at {@code revision}. */
    static void remember(Connection connection, String applyset, String source, long revision) throws SQLException {
        String sql = "INSERT INTO tc_applied (applyset, kind, name, manifest, revision, source)"
                + " SELECT o.applyset, o.kind, o.name, o.manifest, ?, ? FROM tc_object o WHERE o.applyset = ?"
                + " AND NOT EXISTS (SELECT 1 FROM tc_applied a WHERE a.applyset = o.applyset AND a.kind = o.kind"
                + " AND a.name = o.name AND a.manifest = o.manifest)"
                + " ON CONFLICT (applyset, kind, name) DO UPDATE SET manifest = excluded.manifest,"
                + " revision = excluded.revision, source = excluded.source";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, revision);
            s.setString(2, source);
            s.setString(3, applyset);
            s.executeUpdate();
        }
    }

    /**
     * A batch that forgets what an applyset applied, per object ({@code applyset, kind, name}): the
     * applyset that deletes an object forgets it, while what other applysets applied stays, so
     * that they see the deletion as drift.
     */
    static Batch forgetting(Connection connection) throws SQLException {
        return new Batch(connection, "DELETE FROM tc_applied WHERE applyset = ? AND kind = ? AND name = ?");
    }

    /** The records of one applyset whose object is no longer what it applied (changed or deleted). */
    Map<ObjectRef, Applied> differing(Connection connection, String applyset) throws SQLException {
        return select(
                connection,
                applyset,
                "SELECT a.manifest, a.revision, a.source FROM tc_applied a LEFT JOIN tc_object o"
                        + " ON o.kind = a.kind AND o.name = a.name"
                        + " WHERE a.applyset = ? AND (o.manifest IS NULL OR o.manifest <> a.manifest)");
    }

    /** Every record of one applyset. */
    Map<ObjectRef, Applied> of(Connection connection, String applyset) throws SQLException {
        return select(connection, applyset, "SELECT manifest, revision, source FROM tc_applied WHERE applyset = ?");
    }

    private Map<ObjectRef, Applied> select(Connection connection, String applyset, String sql) throws SQLException {
        Map<ObjectRef, Applied> out = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, applyset);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    WorldObject object = database.object(rs.getString(1));
                    out.put(object.ref(), new Applied(object, rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** Every record, by applyset. */
    Map<String, Map<ObjectRef, Applied>> all(Connection connection) throws SQLException {
        Map<String, Map<ObjectRef, Applied>> out = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT applyset, manifest, revision, source FROM tc_applied")) {
            while (rs.next()) {
                WorldObject object = database.object(rs.getString(2));
                out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(object.ref(), new Applied(object, rs.getLong(3), rs.getString(4)));
            }
        }
        return out;
    }

    /** Writes records as they are, into an emptied table. */
    static void insert(Connection connection, Map<String, Map<ObjectRef, Applied>> applied) throws SQLException {
        try (Batch insert = new Batch(connection, INSERT)) {
            for (Map.Entry<String, Map<ObjectRef, Applied>> set : applied.entrySet()) {
                for (Applied a : set.getValue().values()) {
                    insert.add(
                            set.getKey(),
                            a.object().kind().manifestName(),
                            a.object().name(),
                            ManifestCodec.canonicalJson(a.object()),
                            a.revision(),
                            a.source());
                }
            }
        }
    }
}
