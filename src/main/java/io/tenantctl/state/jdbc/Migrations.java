package io.tenantctl.state.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbered schema migrations, applied in order inside the caller's transaction. Each is a
 * resource {@code db/migration/V<n>__<what>.sql} of portable SQL; {@code tc_schema_version} records
 * which have run.
 */
final class Migrations {

    /** The migration files, in order. Add a line here with each new file. */
    static final List<String> FILES = List.of(
            "V1__init.sql",
            "V2__applied.sql",
            "V3__agent.sql",
            "V4__operator.sql",
            "V5__journal.sql",
            "V6__profile.sql");

    private Migrations() {}

    static int latest() {
        return FILES.size();
    }

    /** The schema version of the database, 0 when tenantctl has never used it. */
    static int current(Connection connection) throws SQLException {
        if (!tableExists(connection, "tc_schema_version")) {
            return 0;
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM tc_schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    /** Applies the migrations after {@code from}; returns the new version. */
    static int apply(Connection connection, int from, String now) throws SQLException {
        return apply(connection, from, latest(), now);
    }

    /**
     * Applies the migrations after {@code from} up to {@code to}; returns {@code to}. Only tests stop
     * short of the latest, to make the state an older tenantctl left.
     */
    static int apply(Connection connection, int from, int to, String now) throws SQLException {
        if (to > latest()) {
            throw new IllegalArgumentException("no migration " + to + "; the latest is " + latest());
        }
        if (from == 0) {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE tc_schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            }
        }
        for (int version = from + 1; version <= to; version++) {
            for (String sql : statements(read(FILES.get(version - 1)))) {
                try (Statement s = connection.createStatement()) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement s =
                    connection.prepareStatement("INSERT INTO tc_schema_version (version, applied_at) VALUES (?, ?)")) {
                s.setInt(1, version);
                s.setString(2, now);
                s.executeUpdate();
            }
        }
        return to;
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script into statements; the scripts keep semicolons out of comments and strings. */
    static List<String> statements(String script) {
        StringBuilder clean = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            clean.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String part : clean.toString().split(";")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
