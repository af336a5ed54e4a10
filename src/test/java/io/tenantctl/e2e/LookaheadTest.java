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

        Result plan = cli().run("plan", "-f", folder.toString(), "--state", state, "-o", "json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(steps(plan))
                .containsExactly(
                        "SetServiceAdmin Subscription/s m@outlook.com by wa@a.onmicrosoft.com",
                        "TransferSubscription Subscription/s  by m@outlook.com",
                        "RemoveGlobalAdmin Tenant/b m@outlook.com by bw@b.onmicrosoft.com");

        Result apply = cli().run("apply", "-f", folder.toString(), "--auto-approve", "--state", state);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("3 steps applied");
        Result again = cli().run("plan", "-f", folder.toString(), "--state", state, "--detailed-exitcode");
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

        Result plan = cli().run("plan", "-f", folder.toString(), "--state", state, "--prune", "-o", "json");
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
}
