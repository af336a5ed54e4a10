package io.tenantctl.render;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.generate.WorldGenerator;
import io.tenantctl.json.Json;
import io.tenantctl.testing.CliRun;
import io.tenantctl.testing.WorldPair;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What a reviewer reads, through the command line: list fields told element by element in text,
 * Markdown and JSON; whether {@code --prune} was on; and the comment of a large plan naming the CI
 * artifact that holds the full plan ({@code --full-plan-name}).
 */
class PlanReviewCliTest {

    private static final String BEFORE = PlanMarkdownGoldenTest.BEFORE;
    private static final String AFTER = PlanMarkdownGoldenTest.AFTER;

    @TempDir
    Path dir;

    private String state;

    @BeforeEach
    void newState() {
        state = "sqlite:" + dir.resolve("state.db");
    }

    @Test
    void aListFieldShowsTheElementsItGainsAndLoses() {
        apply(BEFORE);
        CliRun.Result json = plan("-f", AFTER, "-o", "json");
        JsonNode admins = field(Json.parse(json.out()), "Tenant", "contoso", "/spec/globalAdministrators");
        assertThat(admins.path("added").toString()).isEqualTo("[\"msmith@hotmail.com\"]");
        assertThat(admins.path("removed").toString()).isEqualTo("[]");
        assertThat(admins.path("before").toString())
                .as("before and after stay as they were")
                .isEqualTo("[\"msmith@contoso.com\"]");
        assertThat(admins.path("after").toString()).isEqualTo("[\"msmith@contoso.com\",\"msmith@hotmail.com\"]");
        JsonNode coAdmins = field(Json.parse(json.out()), "Subscription", "msdn-1", "/spec/coAdministrators");
        assertThat(coAdmins.has("added"))
                .as("a list that was absent is shown whole, not by element")
                .isFalse();

        assertThat(plan("-f", AFTER).out())
                .contains("~ Tenant/contoso will be updated in place\n"
                        + "    ~ spec.globalAdministrators:\n"
                        + "        + msmith@hotmail.com\n");
        assertThat(plan("-f", AFTER, "-o", "markdown").out())
                .contains("! Tenant/contoso will be updated in place\n"
                        + "!   spec.globalAdministrators:\n"
                        + "+     msmith@hotmail.com\n");
    }

    @Test
    void aListThatLosesAnElementSaysWhich() {
        apply(AFTER);
        String text = plan("-f", PlanMarkdownGoldenTest.GOLDEN + "/prune/manifests", "--prune", "--allow-mass-prune")
                .out();
        assertThat(text)
                .containsPattern(
                        "(?m)^    ~ spec\\.coAdministrators:\n        \\+ .*\n        - johndoe@contoso\\.com$");
    }

    @Test
    void theCommentOfALargePlanNamesTheArtifactThatHoldsAllOfIt() {
        Path tree = dir.resolve("tree");
        WorldPair.tree(new WorldGenerator(7).generate(2_000), tree);
        CliRun.Result run = plan("-f", tree.toString(), "-o", "markdown", "--full-plan-name", "pr-42/plan.json");
        assertThat(run.out())
                .contains("This comment leaves out part of the plan")
                .contains("Full plan: the CI artifact `pr-42/plan.json` of this run (download it, then run"
                        + " `tenantctl show pr-42/plan.json`).");
    }

    @Test
    void aFullPlanNameOutsideMarkdownOrNotOneWordIsAUsageError() {
        CliRun.Result text = cli().run("plan", "-f", AFTER, "--state", state, "--full-plan-name", "plan.json");
        assertThat(text.exitCode()).isEqualTo(64);
        assertThat(text.err()).contains("--full-plan-name has no effect without -o markdown");
        CliRun.Result word =
                cli().run("plan", "-f", AFTER, "--state", state, "-o", "markdown", "--full-plan-name", "a`b [x](y)");
        assertThat(word.exitCode()).isEqualTo(64);
        assertThat(word.err()).contains("invalid --full-plan-name");
    }

    private static JsonNode field(JsonNode plan, String kind, String name, String path) {
        for (JsonNode change : plan.path("changes")) {
            if (change.path("kind").asString().equals(kind)
                    && change.path("name").asString().equals(name)) {
                for (JsonNode f : change.path("fields")) {
                    if (f.path("path").asString().equals(path)) {
                        return f;
                    }
                }
            }
        }
        throw new AssertionError("no field " + path + " of " + kind + "/" + name + " in the plan");
    }

    private void apply(String manifests) {
        CliRun.Result run = cli().run("apply", "-f", manifests, "--auto-approve", "--state", state);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private CliRun.Result plan(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "plan";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--state";
        all[args.length + 2] = state;
        CliRun.Result run = cli().run(all);
        assertThat(run.exitCode()).as(run.toString()).isIn(0, 2);
        return run;
    }
}
