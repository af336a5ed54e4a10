package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.testing.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seed document's story, end to end through the command line: Michael Smith's Contoso
 * directory and his default directory, then Contoso linked to msmith@hotmail.com, the Azure
 * subscription moved to Contoso and John Doe added as its co-administrator. Runs against both
 * state dialects.
 */
class SeedStoryTest extends OnEachBackend {

    static final String BEFORE = "manifests/examples/seed/before";
    static final String AFTER = "manifests/examples/seed/after";

    private String state() {
        return state;
    }

    @Test
    void theStoryPlansTheSeedsStepsInOrderAppliesThemAndThenHasNothingLeftToDo() {
        Result before = cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state());
        assertThat(before.exitCode()).as(before.toString()).isZero();
        assertThat(before.out()).contains("Apply complete! Revision 1");

        Result plan = cli().run("plan", "-f", AFTER, "--state", state(), "-o", "json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        JsonNode steps = Json.parse(plan.out()).path("steps");
        assertThat(steps).hasSize(3);
        assertStep(steps.get(0), "AddGlobalAdmin", "Tenant/contoso", "msmith@hotmail.com", "msmith@contoso.com");
        assertStep(steps.get(1), "TransferSubscription", "Subscription/msdn-1", null, "msmith@hotmail.com");
        assertThat(steps.get(1).path("from").asString()).isEqualTo("default-directory");
        assertThat(steps.get(1).path("to").asString()).isEqualTo("contoso");
        assertStep(steps.get(2), "AddCoAdmin", "Subscription/msdn-1", "JohnDoe@contoso.com", "msmith@hotmail.com");

        Result apply = cli().run("apply", "-f", AFTER, "--auto-approve", "--state", state());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("Revision 2: 3 steps applied");

        Result again = cli().run("plan", "-f", AFTER, "--state", state(), "--detailed-exitcode");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("No changes.");
    }

    @Test
    void actingOnlyAsTheMicrosoftAccountIsUnauthorizedAtTheFirstStep() {
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state())
                        .exitCode())
                .isZero();

        Result plan = cli().run("plan", "-f", AFTER, "--state", state(), "--as", "msmith@hotmail.com", "-o", "json");

        assertThat(plan.exitCode()).isEqualTo(1);
        JsonNode doc = Json.parse(plan.out());
        assertThat(doc.path("steps")).isEmpty();
        JsonNode first = errors(doc).get(0);
        assertThat(first.path("code").asString()).isEqualTo("unauthorized");
        assertThat(first.path("message").asString())
                .contains("AddGlobalAdmin msmith@hotmail.com to Tenant/contoso")
                .contains("global administrator of Tenant/contoso")
                .contains("msmith@contoso.com");
        assertThat(first.path("file").asString()).endsWith("after/contoso.yaml");
        assertThat(first.path("line").asInt()).isEqualTo(12);
        assertThat(plan.err()).contains("error[unauthorized]");
    }

    @Test
    void theSavedPlanAppliesExactlyAndIsRefusedOnceTheStateHasMoved() throws Exception {
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state())
                        .exitCode())
                .isZero();
        Path saved = dir.resolve("plan.json");
        Result plan =
                cli().run("plan", "-f", AFTER, "--state", state(), "--out", saved.toString(), "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);

        Result apply = cli().run("apply", saved.toString(), "--state", state());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("Revision 2");

        Result stale = cli().run("apply", saved.toString(), "--state", state());
        assertThat(stale.exitCode()).isEqualTo(3);
        assertThat(stale.err())
                .contains("error[stale-plan]")
                .contains("revision 1")
                .contains("revision 2");
    }

    @Test
    void anEditedPlanFileIsRefusedByItsDigest() throws Exception {
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state())
                        .exitCode())
                .isZero();
        Path saved = dir.resolve("plan.json");
        assertThat(cli().run("plan", "-f", AFTER, "--state", state(), "--out", saved.toString())
                        .exitCode())
                .isZero();
        Files.writeString(
                saved,
                Files.readString(saved)
                        .replace("\"actor\" : \"msmith@contoso.com\"", "\"actor\" : \"msmith@hotmail.com\""));

        Result apply = cli().run("apply", saved.toString(), "--state", state());

        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.err()).contains("error[plan-digest]");
        assertThat(cli().run("history", "--state", state(), "-o", "json").out())
                .contains("\"revision\" : 1")
                .doesNotContain("\"revision\" : 2");
    }

    @Test
    void historyAndGetShowWhatWasApplied() {
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state())
                        .exitCode())
                .isZero();
        assertThat(cli().run("apply", "-f", AFTER, "--auto-approve", "--state", state())
                        .exitCode())
                .isZero();

        JsonNode history = Json.parse(
                        cli().run("history", "--state", state(), "-o", "json").out())
                .path("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("revision").asInt()).isEqualTo(2);
        assertThat(history.get(0).path("time").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(history.get(0).path("actors").toString()).contains("msmith@contoso.com", "msmith@hotmail.com");
        assertThat(history.get(0).path("digest").asString()).startsWith("sha256:");
        assertThat(history.get(0).path("steps")).hasSize(3);
        assertThat(history.get(0).path("summary").path("update").asInt()).isEqualTo(2);

        JsonNode msdn = Json.parse(cli().run("get", "subscription", "msdn-1", "--state", state(), "-o", "json")
                        .out())
                .path("items")
                .get(0);
        assertThat(msdn.path("spec").path("tenant").asString()).isEqualTo("contoso");
        assertThat(msdn.path("spec").path("coAdministrators").get(0).asString()).isEqualTo("johndoe@contoso.com");

        Result table = cli().run("get", "--state", state());
        assertThat(table.out()).contains("KIND", "Tenant", "contoso", "msdn-1");
    }

    @Test
    void plansAreByteIdenticalForTheSameInputs() {
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state())
                        .exitCode())
                .isZero();
        String first =
                cli().run("plan", "-f", AFTER, "--state", state(), "-o", "json").out();
        String second =
                cli().run("plan", "-f", AFTER, "--state", state(), "-o", "json").out();
        assertThat(second).isEqualTo(first);
        String text = cli().run("plan", "-f", AFTER, "--state", state()).out();
        assertThat(cli().run("plan", "-f", AFTER, "--state", state()).out()).isEqualTo(text);
    }

    @Test
    void applyRefusesToAskWithoutATerminal() {
        Result apply = cli().run("apply", "-f", BEFORE, "--state", state());
        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.err()).contains("--auto-approve");
        Result history = cli().run("history", "--state", state());
        assertThat(history.exitCode()).as("the refused apply created no state").isEqualTo(1);
        assertThat(history.err()).contains("no state at");
    }

    @Test
    void applyOnATerminalAppliesOnlyAfterYes() {
        Result no = cli().interactive().stdin("no\n").run("apply", "-f", BEFORE, "--state", state());
        assertThat(no.exitCode()).isEqualTo(1);
        assertThat(no.out()).contains("Only 'yes' will be accepted").contains("cancelled");
        assertThat(cli().run("history", "--state", state()).err())
                .as("a declined apply creates no state")
                .contains("no state at");

        Result yes = cli().interactive().stdin("yes\n").run("apply", "-f", BEFORE, "--state", state());
        assertThat(yes.exitCode()).as(yes.toString()).isZero();
        assertThat(yes.out()).contains("Apply complete! Revision 1");
    }

    @Test
    void dryRunChecksEverythingAndWritesNothing() {
        Result dry = cli().run("apply", "-f", BEFORE, "--dry-run", "--state", state());
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("Dry run: all 6 steps were checked");
        assertThat(cli().run("get", "--state", state()).err())
                .as("a dry run creates no state")
                .contains("no state at");
    }

    private static List<JsonNode> errors(JsonNode doc) {
        List<JsonNode> out = new ArrayList<>();
        doc.path("diagnostics").forEach(d -> {
            if ("error".equals(d.path("severity").asString())) {
                out.add(d);
            }
        });
        return out;
    }

    private static void assertStep(JsonNode step, String op, String target, String account, String actor) {
        assertThat(step.path("op").asString()).isEqualTo(op);
        assertThat(step.path("target").asString()).isEqualTo(target);
        if (account != null) {
            assertThat(step.path("account").asString()).isEqualTo(account);
        }
        assertThat(step.path("actor").asString()).isEqualTo(actor);
    }
}
