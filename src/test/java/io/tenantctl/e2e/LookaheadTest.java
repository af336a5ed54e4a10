package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.testing.CliRun.Result;
import io.tenantctl.testing.ManifestSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Plans whose order the scheduler must find beyond its order of preference, through the command line. */
class LookaheadTest {

    @TempDir
    Path dir;

    private String state;

    @BeforeEach
    void newState() {
        state = "sqlite:" + dir.resolve("state.db");
    }

    /**
     * Issue 9: Microsoft account m@outlook.com, work accounts wa@a and bw@b; Tenant a (wa, m),
     * Tenant b (bw, m); Azure subscription s in a, account and service administrator wa.
     */
    private static ManifestSet before() {
        ManifestSet set = ManifestSet.empty();
        set.newAccount("m", "accounts.yaml").microsoft("m@outlook.com");
        set.newAccount("wa", "accounts.yaml").work("wa@a.onmicrosoft.com");
        set.newAccount("bw", "accounts.yaml").work("bw@b.onmicrosoft.com");
        set.tenant("a")
                .displayName("A")
                .initialDomain("a.onmicrosoft.com")
                .admins("wa@a.onmicrosoft.com", "m@outlook.com");
        set.tenant("b")
                .displayName("B")
                .initialDomain("b.onmicrosoft.com")
                .admins("bw@b.onmicrosoft.com", "m@outlook.com");
        set.subscription("s").azure("a").accountAdmin("wa@a.onmicrosoft.com").serviceAdmin("wa@a.onmicrosoft.com");
        return set;
    }

    private void apply(ManifestSet set, String folder) {
        Result apply = cli().run(
                        "apply", "-f", set.writeTo(dir.resolve(folder)).toString(), "--auto-approve", "--state", state);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
    }

    /** {@code plan -f FOLDER --state STATE} and more arguments. */
    private Result plan(Path folder, String... more) {
        List<String> args = new ArrayList<>(List.of("plan", "-f", folder.toString(), "--state", state));
        args.addAll(List.of(more));
        return cli().run(args.toArray(String[]::new));
    }

    private static List<String> steps(Result plan) {
        List<String> out = new ArrayList<>();
        for (JsonNode step : Json.parse(plan.out()).path("steps")) {
            out.add(step.path("op").asString() + " " + step.path("target").asString() + " "
                    + step.path("account").asString("") + " by "
                    + step.path("actor").asString("nobody"));
        }
        return out;
    }

    @Test
    void aTransferBetweenAServiceAdministratorChangeAndTheRevokeThatWouldStopIt() {
        apply(before(), "v0");
        ManifestSet after = before();
        after.tenant("b").admins("bw@b.onmicrosoft.com");
        after.subscription("s").tenant("b").serviceAdmin("m@outlook.com");
        Path folder = after.writeTo(dir.resolve("v1"));

        Result plan = plan(folder, "-o", "json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(steps(plan))
                .containsExactly(
                        "SetServiceAdmin Subscription/s m@outlook.com by wa@a.onmicrosoft.com",
                        "TransferSubscription Subscription/s  by m@outlook.com",
                        "RemoveGlobalAdmin Tenant/b m@outlook.com by bw@b.onmicrosoft.com");

        Result apply = cli().run("apply", "-f", folder.toString(), "--auto-approve", "--state", state);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("3 steps applied");
        Result again = plan(folder, "--detailed-exitcode");
        assertThat(again.exitCode()).as(again.toString()).isZero();
    }

    @Test
    void aTenantIsDeletedByTheOnlyAccountLeftInIt() {
        ManifestSet set = before();
        set.newAccount("m2", "accounts.yaml").microsoft("m2@hotmail.com");
        set.tenant("c").displayName("C").initialDomain("c.onmicrosoft.com").admins("m@outlook.com", "m2@hotmail.com");
        apply(set, "v0");
        set.remove("Tenant", "c");
        Path folder = set.writeTo(dir.resolve("v1"));

        Result plan = plan(folder, "--prune", "-o", "json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(steps(plan))
                .containsExactly(
                        "RemoveGlobalAdmin Tenant/c m2@hotmail.com by m@outlook.com",
                        "DeleteTenant Tenant/c  by m@outlook.com");
        JsonNode delete = Json.parse(plan.out()).path("steps").get(1);
        assertThat(delete.path("effects").get(0).asString())
                .isEqualTo("m@outlook.com is no longer global administrator of Tenant/c");
        assertThat(delete.path("effects")).hasSize(1);

        Result apply = cli().run("apply", "-f", folder.toString(), "--prune", "--auto-approve", "--state", state);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        Result get = cli().run("get", "Tenant", "--state", state, "-o", "json");
        assertThat(get.out()).doesNotContain("\"c\"");
    }

    /** Issue 9's world, where m@outlook.com is not a global administrator of b, and s is to take bw as a co-administrator. */
    private Path withoutAnOrder() {
        ManifestSet set = before();
        set.tenant("b").admins("bw@b.onmicrosoft.com");
        apply(set, "v0");
        set.subscription("s").tenant("b").serviceAdmin("m@outlook.com").coAdmins("bw@b.onmicrosoft.com");
        return set.writeTo(dir.resolve("v1"));
    }

    @Test
    void withoutAnOrderOneErrorSaysWhatWouldMakeOne() {
        Path folder = withoutAnOrder();
        Result plan = plan(folder, "-o", "json");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        List<JsonNode> errors = new ArrayList<>();
        Json.parse(plan.out()).path("diagnostics").forEach(d -> {
            if (d.path("severity").asString().equals("error")) {
                errors.add(d);
            }
        });
        assertThat(errors).as("one root cause, one error").hasSize(1);
        JsonNode error = errors.get(0);
        assertThat(error.path("code").asString()).isEqualTo("unauthorized");
        assertThat(error.path("file").asString()).endsWith("subscription-s.yaml");
        assertThat(error.path("line").asInt()).as("the line of spec.tenant").isEqualTo(7);
        assertThat(error.path("message").asString())
                .startsWith("TransferSubscription Subscription/s from Tenant/a to Tenant/b needs")
                .contains("(and 1 step that waits for it)")
                .contains("To unblock it: m@outlook.com would have to be a global administrator of Tenant/b while"
                        + " step 3 runs: make it one in this apply and remove it in the next one");
    }

    @Test
    void temporaryGrantsAreMarkedCountedTakenBackAndCarriedByASavedPlan() {
        Path folder = withoutAnOrder();
        Path saved = dir.resolve("plan.json");
        Result json = plan(folder, "--allow-temporary-grants", "-o", "json", "--out", saved.toString());
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode doc = Json.parse(json.out());
        assertThat(doc.path("summary").path("temporaryGrants").asInt()).isEqualTo(1);
        assertThat(steps(json))
                .containsExactly(
                        "AddGlobalAdmin Tenant/b m@outlook.com by bw@b.onmicrosoft.com",
                        "SetServiceAdmin Subscription/s m@outlook.com by wa@a.onmicrosoft.com",
                        "TransferSubscription Subscription/s  by m@outlook.com",
                        "AddCoAdmin Subscription/s bw@b.onmicrosoft.com by m@outlook.com",
                        "RemoveGlobalAdmin Tenant/b m@outlook.com by bw@b.onmicrosoft.com");
        List<Boolean> temporary = new ArrayList<>();
        doc.path("steps").forEach(s -> temporary.add(s.path("temporary").asBoolean(false)));
        assertThat(temporary).containsExactly(true, false, false, false, true);

        Result text = plan(folder, "--allow-temporary-grants");
        assertThat(text.out())
                .contains("1. AddGlobalAdmin m@outlook.com to Tenant/b (temporary)")
                .contains("5. RemoveGlobalAdmin m@outlook.com from Tenant/b (temporary)")
                .contains("5 steps, with 1 temporary grant taken back before the end.");
        Result markdown = plan(folder, "--allow-temporary-grants", "-o", "markdown");
        assertThat(markdown.out()).contains("AddGlobalAdmin m@outlook.com to Tenant/b (temporary)");

        Result refused = cli().run("apply", saved.toString(), "--state", state, "--allow-temporary-grants");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(64);
        Result apply = cli().run("apply", saved.toString(), "--state", state);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        Result history = cli().run("history", "--state", state, "-o", "json");
        assertThat(Json.parse(history.out())
                        .path("items")
                        .get(0)
                        .path("summary")
                        .path("temporaryGrants")
                        .asInt())
                .isEqualTo(1);
        Result again = plan(folder, "--detailed-exitcode");
        assertThat(again.exitCode())
                .as("the world is as the manifests want it: " + again)
                .isZero();
    }

    @Test
    void asStillRestrictsWhoMayGiveATemporaryGrant() {
        Path folder = withoutAnOrder();
        Result plan = plan(folder, "--allow-temporary-grants", "--as", "wa@a.onmicrosoft.com", "--as", "m@outlook.com");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.err()).contains("error[unauthorized]: TransferSubscription Subscription/s");
    }
}
