package io.tenantctl.plan;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.state.jdbc.JdbcStateStore;
import io.tenantctl.testing.CliRun;
import io.tenantctl.testing.CliRun.Result;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Plan files saved by an earlier tenantctl (see {@code src/test/resources/compat/README.md}) still
 * read, check, write back byte for byte, and apply: the plan file is a contract with files users
 * already keep, whatever the code that reads and writes it looks like.
 */
class PlanFileCompatibilityTest {

    static final Path PLANS = Path.of("src/test/resources/compat/plans");
    static final String LINEAGE = "4e2b5e71-1425-4bd6-acb3-0dbda6a051d3";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"seed-before", "seed-after-drift", "seed-after-unauthorized"})
    void aSavedPlanReadsAndWritesBackByteForByte(String name) throws Exception {
        String saved = Files.readString(PLANS.resolve(name + ".plan.json"), StandardCharsets.UTF_8);

        PlanDocument document = PlanReader.read(saved);

        assertThat(document.digest()).isEqualTo(Json.parse(saved).path("digest").asString());
        assertThat(PlanWriter.digestOf(document.plan()))
                .as("the digest made again from the plan read")
                .isEqualTo(document.digest());
        StringWriter written = new StringWriter();
        PlanWriter.write(document, written);
        assertThat(written.toString()).isEqualTo(saved);
    }

    @Test
    void savedPlansApplyToTheStateTheyWereMadeFor() throws Exception {
        CliRun run = cli().lineage(LINEAGE);
        String state = "sqlite:" + dir.resolve("state.db");

        // The state the plan was made against: new, at revision 0 (a saved plan never creates a state
        // of another lineage, and an apply that changes nothing creates none: it is made here).
        JdbcStateStore.open(state, Clock.systemUTC(), () -> LINEAGE, Duration.ofSeconds(10))
                .close();
        Result first = run.run("apply", PLANS.resolve("seed-before.plan.json").toString(), "--state", state);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Apply complete! Revision 1: 6 steps applied (7 created");
        Result platform = run.run(
                "apply",
                "-f",
                "src/test/resources/compat/platform",
                "--applyset",
                "platform",
                "--force-adopt",
                "--as",
                "msmith@contoso.com",
                "--auto-approve",
                "--state",
                state);
        assertThat(platform.exitCode()).as(platform.toString()).isZero();
        Result second =
                run.run("apply", PLANS.resolve("seed-after-drift.plan.json").toString(), "--state", state);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("Apply complete! Revision 3: 4 steps applied");

        Result again = run.run("plan", "-f", "manifests/examples/seed/after", "--detailed-exitcode", "--state", state);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        JsonNode history = Json.parse(
                        run.run("history", "-o", "json", "--state", state).out())
                .path("items");
        assertThat(history.get(0).path("digest").asString()).isEqualTo(digest("seed-after-drift"));
        assertThat(history.get(2).path("digest").asString()).isEqualTo(digest("seed-before"));
    }

    private static String digest(String name) throws Exception {
        return Json.parse(Files.readString(PLANS.resolve(name + ".plan.json"), StandardCharsets.UTF_8))
                .path("digest")
                .asString();
    }
}
