package io.tenantctl.state.jdbc;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.testing.Backend;
import io.tenantctl.testing.CliRun.Result;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema migrations on both dialects: a state left by a tenantctl of schema 1 is upgraded when
 * it is first opened and stays readable and usable, and a state written by a newer tenantctl is
 * refused, untouched, with both versions named.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class MigrationsTest {

    private static final String BEFORE = "manifests/examples/seed/before";
    private static final String AFTER = "manifests/examples/seed/after";
    /** Every table of schema 1; schema 2 added {@code tc_applied} and changed none of them. */
    private static final List<String> V1_TABLES = List.of("tc_head", "tc_object", "tc_revision", "tc_step");

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    @Test
    void aVersion1StateIsUpgradedAndStaysReadable() throws Exception {
        // The rows a tenantctl of schema 1 left after applying the seed's "before": made by an apply
        // in another store and copied table by table into a store that only the V1 migration made.
        String source = backend.newState(dir);
        Result applied = cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", source);
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        String old = backend.newState(dir);
        try (Connection from = connect(source);
                Connection v1 = connect(old)) {
            v1.setAutoCommit(false);
            Migrations.apply(v1, 0, 1, "2025-01-01T00:00:00Z");
            for (String table : V1_TABLES) {
                copy(from, v1, table);
            }
            v1.commit();
        }
        assertThat(schema(old)).isEqualTo(1);
        assertThat(hasTable(old, "tc_applied")).isFalse();

        Result get = cli().run("get", "-o", "json", "--state", old);

        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(Json.parse(get.out()).path("items")).hasSize(7);
        assertThat(schema(old)).isEqualTo(Migrations.latest());
        assertThat(hasTable(old, "tc_applied")).isTrue();
        JsonNode history = history(old);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("revision").asLong()).isEqualTo(1);
        assertThat(history.get(0).path("steps")).hasSize(6);
        assertThat(history.get(0).path("operator"))
                .as("a revision applied before schema 4 does not say who ran it")
                .isEmpty();
        assertThat(withoutOperator(history)).isEqualTo(withoutOperator(history(source)));

        Result noop = cli().run("plan", "-f", BEFORE, "--detailed-exitcode", "--state", old);
        assertThat(noop.exitCode()).as(noop.toString()).isZero();
        Result next = cli().run("apply", "-f", AFTER, "--auto-approve", "--state", old);
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.out()).contains("Apply complete! Revision 2: 3 steps applied");
        assertThat(history(old)).hasSize(2);
        Result drift = cli().run("drift", "-f", AFTER, "--state", old);
        assertThat(drift.exitCode()).as(drift.toString()).isZero();
    }

    @Test
    void aStateOfANewerSchemaIsRefusedWithBothVersions() throws Exception {
        String url = backend.newState(dir);
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", url)
                        .exitCode())
                .isZero();
        int newer = Migrations.latest() + 1;
        try (Connection c = connect(url);
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO tc_schema_version (version, applied_at) VALUES (" + newer
                    + ", '2030-01-01T00:00:00Z')");
        }

        for (String[] args : List.of(
                new String[] {"plan", "-f", BEFORE, "--state", url},
                new String[] {"apply", "-f", BEFORE, "--auto-approve", "--state", url},
                new String[] {"history", "--state", url})) {
            Result refused = cli().run(args);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err())
                    .startsWith(
                            "error[state]: the state at " + StateUrl.parse(url).display())
                    .contains("was written by a newer tenantctl (schema " + newer + "); this tenantctl knows schema "
                            + Migrations.latest() + "; upgrade tenantctl")
                    .doesNotContain("\tat ");
        }
        assertThat(schema(url)).as("left as it was").isEqualTo(newer);
    }

    private static JsonNode withoutOperator(JsonNode items) {
        JsonNode copy = items.deepCopy();
        copy.forEach(item -> ((ObjectNode) item).remove("operator"));
        return copy;
    }

    private static JsonNode history(String url) {
        Result history = cli().run("history", "-o", "json", "--state", url);
        assertThat(history.exitCode()).as(history.toString()).isZero();
        return Json.parse(history.out()).path("items");
    }

    private static Connection connect(String url) throws SQLException {
        StateUrl parsed = StateUrl.parse(url);
        return DriverManager.getConnection(parsed.jdbcUrl(), parsed.user(), parsed.password());
    }

    private static int schema(String url) throws SQLException {
        try (Connection c = connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM tc_schema_version")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    private static boolean hasTable(String url, String table) throws SQLException {
        try (Connection c = connect(url)) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(null, null, table, new String[] {"TABLE"})) {
                return rs.next();
            }
        }
    }

    /** Every row of a table, column by column: the columns the older table has, of the newer one's. */
    private static void copy(Connection from, Connection to, String table) throws SQLException {
        StringBuilder kept = new StringBuilder();
        try (Statement s = to.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                kept.append(i == 1 ? "" : ", ").append(meta.getColumnName(i));
            }
        }
        try (Statement s = from.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + kept + " FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            StringBuilder columns = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.append(i == 1 ? "" : ", ").append(meta.getColumnName(i));
                marks.append(i == 1 ? "?" : ", ?");
            }
            try (PreparedStatement insert =
                    to.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
                int rows = 0;
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        insert.setObject(i, rs.getObject(i));
                    }
                    insert.executeUpdate();
                    rows++;
                }
                assertThat(rows).as("rows of %s", table).isPositive();
            }
        }
    }
}
