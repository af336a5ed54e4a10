package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantctl.json.Json;
import io.tenantctl.state.jdbc.StateUrl;
import io.tenantctl.testing.Backend;
import io.tenantctl.testing.CliRun.Result;
import io.tenantctl.testing.ManifestSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, section 1: a typo in a state URL, an applyset name or a path is an error, never a
 * quiet "nothing to report"; read-only commands create no state; every plan and apply says which
 * state and revision it used. On each dialect: a new database without tenantctl's tables is a
 * state that does not exist, as a missing SQLite file is.
 */
class NothingPassesSilentlyTest extends OnEachBackend {

    static final String BEFORE = "manifests/examples/seed/before";
    static final String AFTER = "manifests/examples/seed/after";

    /** Exit 1 naming the URL, and still no state afterwards. */
    private void refusedAndNothingCreated(Result result) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err())
                .contains("error[state]: no state at " + StateUrl.parse(state).display());
        assertThat(result.out()).isEmpty();
        assertNoState();
    }

    private void assertNoState() {
        if (backend == Backend.SQLITE) {
            assertThat(StateUrl.parse(state).sqlitePath()).doesNotExist();
        }
        Result get = cli().run("get", "--state", state);
        assertThat(get.exitCode()).as("no state was created: %s", get).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "drift -f " + BEFORE,
                "get",
                "get tenants -o wide",
                "history",
                "history show 1",
                "export",
                "state list",
                "state show Tenant/contoso",
                "status",
                "approve seed sha256:0123456789abcdef",
            })
    void readOnlyCommandsRefuseAStateThatDoesNotExist(String command) {
        String[] words = command.split(" ");
        String[] args = new String[words.length + 2];
        System.arraycopy(words, 0, args, 0, words.length);
        args[words.length] = "--state";
        args[words.length + 1] = state;

        refusedAndNothingCreated(cli().run(args));
    }

    @Test
    void aPlanAgainstAStateThatDoesNotExistPlansFromEmptySaysSoAndCreatesNothing() throws Exception {
        Path saved = dir.resolve("first.json");
        Result plan = cli().run("plan", "-f", BEFORE, "--state", state, "--out", saved.toString());

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out())
                .startsWith("Plan of applyset default against "
                        + StateUrl.parse(state).display()
                        + ", which does not exist yet: planned from an empty state (revision 0). Planning"
                        + " creates nothing")
                .contains("Plan: 7 to create");
        assertNoState();
        JsonNode doc = Json.parse(Files.readString(saved));
        assertThat(doc.path("made").path("stateExists").asBoolean()).isFalse();
        assertThat(doc.path("base").path("revision").asLong()).isZero();

        // The plan of a first apply applies to the state the apply creates, once.
        Result apply = cli().run("apply", saved.toString(), "--state", state);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("Apply complete! Revision 1");
        Result again = cli().run("apply", saved.toString(), "--state", state);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(3);
        assertThat(again.err()).contains("made against a state that did not exist yet");
    }

    @Test
    void aSavedPlanOfAnExistingStateIsNotAppliedToAMistypedOne() throws Exception {
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();
        Path saved = dir.resolve("plan.json");
        assertThat(cli().run("plan", "-f", AFTER, "--state", state, "--out", saved.toString())
                        .exitCode())
                .isZero();
        Path typo = dir.resolve("typo.db");

        Result apply = cli().run("apply", saved.toString(), "--state", "sqlite:" + typo);

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
        assertThat(apply.err()).contains("no state at sqlite:" + typo);
        assertThat(typo).doesNotExist();
    }

    @Test
    void anApplyThatWritesNothingCreatesNoState() throws Exception {
        Result bogus = cli().run("apply", "-f", BEFORE, "--confirm", "bogus", "--auto-approve", "--state", state);
        assertThat(bogus.exitCode()).as(bogus.toString()).isEqualTo(1);
        assertThat(bogus.err()).contains("error[awaiting-action]: --confirm bogus: no such action is waiting");
        assertNoState();

        // valid manifests whose plan fails: a rule only the whole set breaks
        ManifestSet broken = ManifestSet.valid();
        broken.tenant("fabrikam").domains("contoso.com");
        Result failed = cli().run(
                        "apply",
                        "-f",
                        broken.writeTo(dir.resolve("broken")).toString(),
                        "--auto-approve",
                        "--state",
                        state);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("error[domain-conflict]");
        assertNoState();

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Result nothing =
                cli().run("apply", "-f", empty.toString(), "--allow-empty", "--auto-approve", "--state", state);
        assertThat(nothing.exitCode()).as(nothing.toString()).isZero();
        assertThat(nothing.out()).contains("No changes.").doesNotContain("Created");
        assertNoState();

        Result declined = cli().interactive().stdin("no\n").run("apply", "-f", BEFORE, "--state", state);
        assertThat(declined.exitCode()).as(declined.toString()).isEqualTo(1);
        assertNoState();

        Result validate = cli().run("validate", "-f", BEFORE);
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        Result plan = cli().run("plan", "-f", BEFORE, "--state", state);
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertNoState();

        Result applied = cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state);
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out())
                .contains("Created the state at " + StateUrl.parse(state).display() + ".");
        assertThat(cli().run("get", "--state", state).exitCode()).isZero();
    }

    @Test
    void driftOfAnApplysetNeverAppliedIsAnErrorListingTheKnownOnes() {
        Result nothing = cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state);
        assertThat(nothing.exitCode()).isZero();
        Result platform = cli().run(
                        "apply",
                        "-f",
                        "src/test/resources/compat/platform",
                        "--applyset",
                        "platform",
                        "--force-adopt",
                        "--auto-approve",
                        "--state",
                        state);
        assertThat(platform.exitCode()).as(platform.toString()).isZero();

        Result drift = cli().run("drift", "-f", BEFORE, "--applyset", "platfrom", "--state", state);

        assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(1);
        assertThat(drift.out()).as("no 'No drift'").isEmpty();
        assertThat(drift.err())
                .isEqualTo("error[not-found]: applyset platfrom was never applied to the state at "
                        + StateUrl.parse(state).display()
                        + "; the applysets it knows: default, platform; did you mean 'platform'?\n");
    }

    @Test
    void everyPlanAndApplyNamesTheStateAndRevisionItUsed() {
        String display = StateUrl.parse(state).display();
        Result first = cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state);
        assertThat(first.out())
                .startsWith("Plan of applyset default against " + display + ", which does not exist yet: planned"
                        + " from an empty state (revision 0).")
                .contains("\nCreated the state at " + display + ".\nApply complete! Revision 1");

        Result plan = cli().run("plan", "-f", AFTER, "--state", state);
        assertThat(plan.out())
                .startsWith("Plan of applyset default against the state at " + display + ", revision 1.\n");
        JsonNode json = Json.parse(
                cli().run("plan", "-f", AFTER, "--state", state, "-o", "json").out());
        assertThat(json.path("made").path("state").asString()).isEqualTo(display);
        assertThat(json.path("base").path("revision").asLong()).isEqualTo(1);

        Result apply = cli().run("apply", "-f", AFTER, "--auto-approve", "--state", state, "-o", "json");
        JsonNode applied = Json.parse(apply.out());
        assertThat(applied.path("plan").path("made").path("state").asString()).isEqualTo(display);
        assertThat(applied.path("plan").path("base").path("revision").asLong()).isEqualTo(1);
        assertThat(applied.path("revision").asLong()).isEqualTo(2);
    }

    @Test
    void aPasswordInTheStateUrlIsNeverShown() {
        assumeTrue(backend == Backend.POSTGRESQL, "a SQLite URL has no password");
        // The test server trusts local connections, so any password is accepted (and must not show).
        String withPassword = state.replace("postgresql://postgres@", "postgresql://postgres:s3cret@");
        Result plan = cli().run("plan", "-f", BEFORE, "--state", withPassword);
        Result json = cli().run("plan", "-f", BEFORE, "--state", withPassword, "-o", "json");
        Result apply = cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", withPassword);

        for (Result r : List.of(plan, json, apply)) {
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out() + r.err()).doesNotContain("s3cret").contains("postgres:***@");
        }
    }

    /** The same command line for each command that reads manifests, with the options it takes. */
    private List<String[]> readingManifests(String path) {
        return List.of(
                new String[] {"validate", "-f", path},
                new String[] {"plan", "-f", path, "--state", state},
                new String[] {"apply", "-f", path, "--auto-approve", "--state", state},
                new String[] {"drift", "-f", path, "--state", state});
    }

    @Test
    void anEmptyManifestSetIsAnErrorUnlessAllowed() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path blank = Files.writeString(dir.resolve("blank.yaml"), "# nothing yet\n");

        for (String[] args : readingManifests(empty.toString())) {
            Result refused = cli().run(args);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.err())
                    .contains("error[empty]: no manifest files (.yaml, .yml or .json) in " + empty
                            + "; if that is intended (to plan against an empty set), pass --allow-empty\n");
        }
        for (String[] args : readingManifests(blank.toString())) {
            Result refused = cli().run(args);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.err()).contains("error[empty]: the manifests in " + blank + " declare no objects");
        }
        assertNoState();

        Result allowed = cli().run("validate", "-f", empty.toString(), "--allow-empty");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.out()).isEqualTo("Valid: 0 objects, 0 errors, 0 warnings.\n");
        Result plan = cli().run("plan", "-f", blank.toString(), "--allow-empty", "--state", state);
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes.");
    }

    @Test
    void aPathThatDoesNotExistIsAUsageErrorWithoutAnInventedLocation() {
        for (String[] args : readingManifests("no/such/folder")) {
            Result result = cli().run(args);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(64);
            assertThat(result.err())
                    .startsWith("error: no such file or directory: no/such/folder\n")
                    .doesNotContain(":1:1");
        }
        assertNoState();
    }
}
