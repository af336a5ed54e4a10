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

/**
 * A step's impact in the JSON plan comes from what the step did (its effects), not from its
 * operation alone: a transfer that removes nobody only changes tenancy, a service administrator
 * replaced is a grant and a revoke.
 */
class ImpactTest {

    @TempDir
    Path dir;

    private String state;

    @BeforeEach
    void applyTheValidWorld() {
        state = "sqlite:" + dir.resolve("state.db");
        Result first = cli().run(
                        "apply",
                        "-f",
                        ManifestSet.valid().writeTo(dir.resolve("v0")).toString(),
                        "--auto-approve",
                        "--state",
                        state);
        assertThat(first.exitCode()).as(first.toString()).isZero();
    }

    private JsonNode step(ManifestSet set, String op) {
        Result plan =
                cli().run("plan", "-f", set.writeTo(dir.resolve("v1")).toString(), "--state", state, "-o", "json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        for (JsonNode step : Json.parse(plan.out()).path("steps")) {
            if (step.path("op").asString().equals(op)) {
                return step;
            }
        }
        throw new AssertionError("no " + op + " in " + plan.out());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void aTransferThatRemovesWorkCoAdministratorsAlsoRevokes() {
        ManifestSet set = ManifestSet.valid();
        set.tenant("fabrikam").admins("admin@fabrikam.com", "boss@outlook.com", "msmith@hotmail.com");
        set.subscription("msdn-1").tenant("fabrikam").coAdmins();
        JsonNode grant = step(set, "AddGlobalAdmin");
        assertThat(texts(grant.path("impact"))).containsExactly("grant");
        // msdn-1's co-administrators are work accounts of contoso: the transfer removes them
        JsonNode transfer = step(set, "TransferSubscription");
        assertThat(texts(transfer.path("effects"))).hasSize(2);
        assertThat(texts(transfer.path("impact"))).containsExactly("revoke", "tenancy");
    }

    @Test
    void aTransferWithoutCoAdministratorsIsNoRevoke() {
        ManifestSet set = ManifestSet.valid();
        set.subscription("msdn-1").coAdmins();
        Result removed =
                cli().run("apply", "-f", set.writeTo(dir.resolve("v1")).toString(), "--auto-approve", "--state", state);
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        set.tenant("fabrikam").admins("admin@fabrikam.com", "boss@outlook.com", "msmith@hotmail.com");
        set.subscription("msdn-1").tenant("fabrikam");
        JsonNode transfer = step(set, "TransferSubscription");
        assertThat(texts(transfer.path("effects"))).isEmpty();
        assertThat(texts(transfer.path("impact"))).containsExactly("tenancy");
    }

    @Test
    void aServiceAdministratorReplacedIsAGrantAndARevoke() {
        ManifestSet set = ManifestSet.valid();
        set.subscription("msdn-1").serviceAdmin("boss@outlook.com");
        JsonNode step = step(set, "SetServiceAdmin");
        assertThat(texts(step.path("effects")))
                .containsExactly("msmith@hotmail.com is no longer service administrator of Subscription/msdn-1");
        assertThat(texts(step.path("impact"))).containsExactly("grant", "revoke");
    }

    @Test
    void creationsAndDeletionsSayWhatTheyCreateAndDelete() {
        ManifestSet set = ManifestSet.valid();
        set.newAccount("new-person", "account-new-person.yaml").microsoft("new.person@outlook.com");
        set.remove("Subscription", "contoso-o365");
        Result plan = cli().run(
                        "plan",
                        "-f",
                        set.writeTo(dir.resolve("v1")).toString(),
                        "--prune",
                        "--state",
                        state,
                        "-o",
                        "json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        JsonNode steps = Json.parse(plan.out()).path("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).path("op").asString()).isEqualTo("CreateAccount");
        assertThat(texts(steps.get(0).path("impact"))).containsExactly("create");
        assertThat(steps.get(1).path("op").asString()).isEqualTo("DeleteSubscription");
        assertThat(texts(steps.get(1).path("impact"))).containsExactly("delete");
    }
}
