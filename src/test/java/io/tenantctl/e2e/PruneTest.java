package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.testing.CliRun.Result;
import io.tenantctl.testing.ManifestSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pruning is opt-in and limited to what the applyset owns: other applysets' objects, unowned
 * objects and protected objects are never deleted, and a prune of too much is refused unless
 * confirmed. The applyset is a stored name, so moving manifest files orphans nothing.
 */
class PruneTest extends OnEachBackend {

    private int folders;

    private String write(ManifestSet set) {
        return set.writeTo(dir.resolve("m" + (folders++))).toString();
    }

    private Result apply(ManifestSet set, String... extra) {
        List<String> args = new ArrayList<>(List.of("apply", "-f", write(set), "--auto-approve", "--state", state));
        args.addAll(List.of(extra));
        return cli().run(args.toArray(String[]::new));
    }

    private static ManifestSet base() {
        ManifestSet set = ManifestSet.valid();
        for (int i = 0; i < 10; i++) {
            set.account("spare-" + i).microsoft("spare" + i + "@outlook.com");
        }
        return set;
    }

    private List<String> deletions(Result plan) {
        List<String> out = new ArrayList<>();
        Json.parse(plan.out()).path("steps").forEach(s -> {
            if (s.path("op").asString().startsWith("Delete")) {
                out.add(s.path("target").asString());
            }
        });
        return out;
    }

    @Test
    void pruneDeletesWhatTheApplysetOwnsAndNoLongerDeclares() {
        assertThat(apply(base()).exitCode()).isZero();
        ManifestSet fewer = base();
        fewer.remove("Account", "spare-3");
        Result plan = cli().run("plan", "-f", write(fewer), "--prune", "--state", state, "-o", "json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(deletions(plan)).containsExactly("Account/spare-3");
        Result without = cli().run("plan", "-f", write(fewer), "--state", state);
        assertThat(without.out()).contains("Account/spare-3 is not in the manifests and is kept");
    }

    @Test
    void objectsOfAnotherApplysetAreNeverPruned() {
        assertThat(apply(base()).exitCode()).isZero();
        ManifestSet team = ManifestSet.empty();
        team.account("team-member").microsoft("member@outlook.com");
        assertThat(apply(team, "--applyset", "team").exitCode()).isZero();

        Result plan = cli().run("plan", "-f", write(base()), "--prune", "--state", state, "-o", "json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(deletions(plan)).isEmpty();
        JsonNode doc = Json.parse(plan.out());
        assertThat(doc.path("summary").path("kept").asInt()).isEqualTo(1);
        assertThat(plan.out())
                .as("the objects of other applysets are counted, not listed")
                .doesNotContain("team-member");
        Result text = cli().run("plan", "-f", write(base()), "--prune", "--state", state);
        assertThat(text.out())
                .contains("1 object of other applysets is not in these manifests and left as it is")
                .doesNotContain("team-member");

        Result teamPrunes = cli().run(
                        "plan",
                        "-f",
                        write(ManifestSet.empty().raw("empty.yaml", "")),
                        "--allow-empty",
                        "--prune",
                        "--applyset",
                        "team",
                        "--allow-mass-prune",
                        "--state",
                        state,
                        "-o",
                        "json");
        assertThat(deletions(teamPrunes)).containsExactly("Account/team-member");
    }

    @Test
    void aPruneOfTooMuchIsRefusedUnlessConfirmed() {
        assertThat(apply(base()).exitCode()).isZero();
        ManifestSet fewer = base();
        for (int i = 0; i < 6; i++) {
            fewer.remove("Account", "spare-" + i);
        }
        Result refused = cli().run("plan", "-f", write(fewer), "--prune", "--state", state);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("error[prune]")
                .contains("would delete 6 of the 20 objects")
                .contains("--allow-mass-prune");
        assertThat(cli().run("plan", "-f", write(fewer), "--prune", "--max-prune", "50%", "--state", state)
                        .exitCode())
                .isZero();
        assertThat(cli().run("plan", "-f", write(fewer), "--prune", "--allow-mass-prune", "--state", state)
                        .exitCode())
                .isZero();
    }

    @Test
    void deletingEverythingTheApplysetOwnsIsAlwaysAMassPrune() {
        ManifestSet one = ManifestSet.empty();
        one.account("alone").microsoft("alone@outlook.com");
        assertThat(apply(one, "--applyset", "solo").exitCode()).isZero();
        Result refused = cli().run(
                        "plan",
                        "-f",
                        write(ManifestSet.empty().raw("empty.yaml", "")),
                        "--allow-empty",
                        "--prune",
                        "--applyset",
                        "solo",
                        "--max-prune",
                        "100%",
                        "--state",
                        state);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("all of them");
    }

    @Test
    void aProtectedObjectIsNeverPrunedUntilItsProtectionIsRemovedInAnApplyOfItsOwn() {
        ManifestSet protectedSet = base();
        protectedSet.raw("keep.yaml", """
                apiVersion: tenantctl.io/v1
                kind: Account
                metadata:
                  name: keeper
                  annotations:
                    tenantctl.io/protect: "true"
                spec:
                  signInName: keeper@outlook.com
                  type: MicrosoftAccount
                """);
        assertThat(apply(protectedSet).exitCode()).isZero();

        Result kept = cli().run("plan", "-f", write(base()), "--prune", "--state", state, "-o", "json");
        assertThat(kept.exitCode()).as(kept.toString()).isZero();
        assertThat(deletions(kept)).isEmpty();
        assertThat(kept.err()).contains("warning[protected]").contains("Account/keeper");

        ManifestSet unprotected = base();
        unprotected.raw("keep.yaml", """
                apiVersion: tenantctl.io/v1
                kind: Account
                metadata:
                  name: keeper
                spec:
                  signInName: keeper@outlook.com
                  type: MicrosoftAccount
                """);
        assertThat(apply(unprotected).exitCode()).isZero();
        Result now = cli().run("plan", "-f", write(base()), "--prune", "--state", state, "-o", "json");
        assertThat(deletions(now)).containsExactly("Account/keeper");
    }

    @Test
    void movingManifestFilesOrphansNothing() {
        assertThat(apply(base()).exitCode()).isZero();
        Result moved = cli().run("plan", "-f", write(base()), "--prune", "--state", state, "--detailed-exitcode");
        assertThat(moved.exitCode())
                .as("same applyset, other folder: nothing to prune")
                .isZero();
    }

    @Test
    void theSavedPlanRecordsItsApplysetAndWhatItDeclares() throws Exception {
        Path saved = dir.resolve("plan.json");
        assertThat(cli().run(
                                "plan",
                                "-f",
                                write(base()),
                                "--applyset",
                                "infra",
                                "--state",
                                state,
                                "--out",
                                saved.toString())
                        .exitCode())
                .isZero();
        JsonNode doc = Json.parse(Files.readString(saved));
        assertThat(doc.path("applyset").asString()).isEqualTo("infra");
        assertThat(doc.path("declared")).hasSize(20);
        assertThat(cli().run("apply", saved.toString(), "--state", state).exitCode())
                .isZero();
        ManifestSet fewer = base();
        fewer.remove("Account", "spare-0");
        Result plan =
                cli().run("plan", "-f", write(fewer), "--applyset", "infra", "--prune", "--state", state, "-o", "json");
        assertThat(deletions(plan))
                .as("a saved plan's apply claims ownership too")
                .containsExactly("Account/spare-0");
    }
}
