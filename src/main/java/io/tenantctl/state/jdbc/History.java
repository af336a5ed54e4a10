package io.tenantctl.state.jdbc;

import io.tenantctl.json.Json;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.StepEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The history tables: one {@code tc_revision} row per applied revision and one {@code tc_step} row
 * per step, in order, with the step's JSON as the plan has it.
 */
final class History {

    private History() {}

    /** Writes a revision and its steps, the steps in batches. */
    static void write(Connection connection, RevisionRecord r) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO tc_revision (revision, applied_at,"
                + " as_identities, actors, summary, digest, source, applyset, step_count, operator)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            s.setString(10, Json.compact(Json.map(new TreeMap<>(r.operator()))));
            s.executeUpdate();
        }
        try (Batch steps = new Batch(
                connection, "INSERT INTO tc_step (revision, idx, op, target, actor, body) VALUES (?, ?, ?, ?, ?, ?)")) {
            int index = 0;
            for (StepEntry step : r.steps()) {
                steps.add(
                        r.revision(),
                        ++index,
                        step.op(),
                        step.target(),
                        step.actor().orElse(null),
                        step.json());
            }
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }

    /** One revision, without its steps. */
    static Optional<RevisionRecord> revision(Connection connection, long number) throws SQLException {
        return read(connection, "WHERE revision = " + number, 0, false).stream().findFirst();
    }

    /** Revisions newest first, with their steps; {@code limit} of 0 means all. */
    static List<RevisionRecord> read(Connection connection, int limit) throws SQLException {
        return read(connection, "", limit, true);
    }

    /** The revision that deleted an object most recently, if one did. */
    static Optional<Long> deletedIn(Connection connection, ObjectRef ref) throws SQLException {
        try (PreparedStatement s =
                connection.prepareStatement("SELECT MAX(revision) FROM tc_step WHERE target = ? AND op = ?")) {
            s.setString(1, ref.toString());
            s.setString(2, "Delete" + ref.kind().manifestName());
            try (ResultSet rs = s.executeQuery()) {
                long found = rs.next() ? rs.getLong(1) : 0;
                return found > 0 ? Optional.of(found) : Optional.empty();
            }
        }
    }

    /** Revisions matching {@code where}, newest first, with their steps or without. */
    private static List<RevisionRecord> read(Connection connection, String where, int limit, boolean withSteps)
            throws SQLException {
        Map<Long, RevisionRecord> records = new LinkedHashMap<>();
        String sql = "SELECT revision, applied_at, as_identities, actors, summary, digest, source, applyset,"
                + " operator FROM tc_revision " + where + " ORDER BY revision DESC"
                + (limit > 0 ? " LIMIT " + limit : "");
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long revision = rs.getLong(1);
                Map<String, Integer> summary = new TreeMap<>();
                Json.parse(rs.getString(5))
                        .properties()
                        .forEach(e -> summary.put(e.getKey(), e.getValue().asInt()));
                records.put(
                        revision,
                        new RevisionRecord(
                                revision,
                                Instant.parse(rs.getString(2)),
                                list(rs.getString(3)),
                                list(rs.getString(4)),
                                summary,
                                rs.getString(6),
                                stringMap(rs.getString(7)),
                                rs.getString(8),
                                List.of(),
                                stringMap(rs.getString(9))));
            }
        }
        if (!withSteps || records.isEmpty()) {
            return new ArrayList<>(records.values());
        }
        Map<Long, List<StepEntry>> steps = new HashMap<>();
        records.keySet().forEach(revision -> steps.put(revision, new ArrayList<>()));
        long oldest = records.keySet().stream().mapToLong(Long::longValue).min().orElse(0);
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT revision, op, target, actor, body FROM tc_step WHERE revision >= ? ORDER BY revision, idx")) {
            s.setLong(1, oldest);
            s.setFetchSize(Batch.SIZE);
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
        List<RevisionRecord> out = new ArrayList<>();
        for (RevisionRecord r : records.values()) {
            out.add(r.withSteps(steps.get(r.revision())));
        }
        return out;
    }

    /** The applysets that applied a revision or own an object, sorted. */
    static List<String> applysets(Connection connection) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT applyset FROM tc_revision"
                        + " UNION SELECT DISTINCT applyset FROM tc_object")) {
            while (rs.next()) {
                if (!rs.getString(1).isEmpty()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static Map<String, String> stringMap(String json) {
        Map<String, String> out = new TreeMap<>();
        Json.parse(json)
                .properties()
                .forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    private static List<String> list(String json) {
        List<String> out = new ArrayList<>();
        Json.parse(json).forEach(n -> out.add(n.asString()));
        return out;
    }
}
