package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.testing.CliRun.Result;
import io.tenantctl.testing.ManifestSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Changes the world does not allow are refused at plan time with a located diagnostic, and the
 * state is left as it was. Each test starts from {@link ManifestSet#valid()} applied to a fresh store,
 * of each dialect.
 */
class RefusalTest extends OnEachBackend {

    @BeforeEach
    void applyTheValidWorld() {
        Result first = cli().run(
                        "apply",
                        "-f",
                        ManifestSet.valid().writeTo(dir.resolve("v0")).toString(),
                        "--auto-approve",
                        "--state",
                        state);
        assertThat(first.exitCode()).as(first.toString()).isZero();
    }

    private JsonNode planRefused(ManifestSet manifests, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("plan", "-f", manifests.writeTo(dir.resolve("v1")).toString(), "--state", state, "-o", "json"));
        args.addAll(List.of(extra));
        Result plan = cli().run(args.toArray(String[]::new));
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        JsonNode doc = Json.parse(plan.out());
        assertThat(doc.path("steps")).as("a refused plan has no steps").isEmpty();
        assertThat(cli().run("history", "--state", state, "-o", "json").out()).doesNotContain("\"revision\" : 2");
        return doc;
    }

    private static JsonNode error(JsonNode doc, String code) {
        for (JsonNode d : doc.path("diagnostics")) {
            if (d.path("code").asString().equals(code)
                    && d.path("severity").asString().equals("error")) {
                return d;
            }
        }
        throw new AssertionError("no " + code + " error in " + doc.path("diagnostics"));
    }

    @Test
    void removingATenantsLastGlobalAdministrator() {
        ManifestSet set = ManifestSet.valid();
        set.tenant("contoso").admins();
        JsonNode error = error(planRefused(set), "no-global-admin");
        assertThat(error.path("message").asString()).contains("Tenant/contoso");
        assertThat(error.path("file").asString()).endsWith("tenant-contoso.yaml");
        assertThat(error.path("line").asInt()).isEqualTo(10);
    }

    @Test
    void aGlobalAdministratorRemovingItselfAsTheOnlyPossibleActor() {
        ManifestSet set = ManifestSet.valid();
        set.tenant("contoso").admins("msmith@hotmail.com");
        JsonNode error = error(planRefused(set, "--as", "admin@contoso.com"), "unauthorized");
        assertThat(error.path("message").asString())
                .contains("RemoveGlobalAdmin admin@contoso.com from Tenant/contoso")
                .contains("other than admin@contoso.com")
                .contains("held by msmith@hotmail.com");
        assertThat(error.path("line").asInt()).isEqualTo(10);
    }

    @Test
    void theSameRemovalIsPlannedWhenAnotherAdministratorMayAct() {
        ManifestSet set = ManifestSet.valid();
        set.tenant("contoso").admins("msmith@hotmail.com");
        Result plan =
                cli().run("plan", "-f", set.writeTo(dir.resolve("v1")).toString(), "--state", state, "-o", "json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        JsonNode step = Json.parse(plan.out()).path("steps").get(0);
        assertThat(step.path("op").asString()).isEqualTo("RemoveGlobalAdmin");
        assertThat(step.path("actor").asString()).isEqualTo("msmith@hotmail.com");
    }

    @Test
    void movingAnOffice365Subscription() {
        ManifestSet set = ManifestSet.valid();
        set.subscription("contoso-o365").tenant("fabrikam");
        JsonNode error = error(planRefused(set), "office365-transfer");
        assertThat(error.path("message").asString())
                .contains("Subscription/contoso-o365", "Tenant/contoso", "Tenant/fabrikam");
        assertThat(error.path("file").asString()).endsWith("subscription-contoso-o365.yaml");
        assertThat(error.path("line").asInt()).isEqualTo(7);
    }

    @Test
    void addingACoAdministratorFromAnotherTenant() {
        ManifestSet set = ManifestSet.valid();
        set.subscription("msdn-1").coAdmins("admin@contoso.com", "JohnDoe@contoso.com", "admin@fabrikam.com");
        JsonNode error = error(planRefused(set), "subscription-admin-not-in-tenant");
        assertThat(error.path("message").asString())
                .contains("admin@fabrikam.com", "Tenant/fabrikam", "Subscription/msdn-1");
        assertThat(error.path("line").asInt()).isEqualTo(13);
    }

    @Test
    void deletingATenantThatStillHasASubscription() {
        ManifestSet set = ManifestSet.valid();
        set.remove("Tenant", "fabrikam");
        set.remove("Account", "fabrikam-admin");
        JsonNode error = error(planRefused(set, "--prune"), "tenant-not-empty");
        assertThat(error.path("message").asString()).contains("Tenant/fabrikam", "Subscription/fabrikam-azure");
        assertThat(error.path("file").asString()).endsWith("subscription-fabrikam-azure.yaml");
    }

    @Test
    void deletingATenantWithEverythingItHoldsIsPlannedContentsFirst() {
        ManifestSet set = ManifestSet.valid();
        set.remove("Tenant", "fabrikam");
        set.remove("Account", "fabrikam-admin");
        set.remove("Subscription", "fabrikam-azure");
        Result plan = cli().run(
                        "plan",
                        "-f",
                        set.writeTo(dir.resolve("v1")).toString(),
                        "--state",
                        state,
                        "--prune",
                        "--allow-mass-prune",
                        "-o",
                        "json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        List<String> ops = new ArrayList<>();
        Json.parse(plan.out())
                .path("steps")
                .forEach(s ->
                        ops.add(s.path("op").asString() + " " + s.path("target").asString()));
        assertThat(ops)
                .containsExactly(
                        "RemoveGlobalAdmin Tenant/fabrikam",
                        "DeleteSubscription Subscription/fabrikam-azure",
                        "DeleteAccount Account/fabrikam-admin",
                        "DeleteTenant Tenant/fabrikam");
        Result apply = cli().run(
                        "apply",
                        "-f",
                        set.writeTo(dir.resolve("v2")).toString(),
                        "--state",
                        state,
                        "--prune",
                        "--allow-mass-prune",
                        "--auto-approve");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(cli().run("get", "tenants", "--state", state).out()).doesNotContain("fabrikam");
    }

    @Test
    void objectsNotInTheManifestsAreKeptWithoutPrune() {
        ManifestSet set = ManifestSet.valid();
        set.remove("Subscription", "contoso-o365");
        Result plan = cli().run("plan", "-f", set.writeTo(dir.resolve("v1")).toString(), "--state", state);
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out())
                .contains("Subscription/contoso-o365 is not in the manifests and is kept")
                .contains("No changes.");
    }

    @Test
    void changingAnImmutableFieldIsRefusedWhereItIsWritten() {
        ManifestSet set = ManifestSet.valid();
        set.tenant("contoso").initialDomain("contoso2.onmicrosoft.com");
        set.account("john-doe").microsoft("JohnDoe@outlook.com");
        set.subscription("msdn-1").accountAdmin("boss@outlook.com");
        JsonNode doc = planRefused(set);
        assertThat(error(doc, "initial-domain-immutable").path("line").asInt()).isEqualTo(7);
        assertThat(error(doc, "immutable-field").path("message").asString()).isNotEmpty();
        long immutable = 0;
        for (JsonNode d : doc.path("diagnostics")) {
            immutable += d.path("code").asString().equals("immutable-field") ? 1 : 0;
        }
        assertThat(immutable).as("type, sign-in name and account administrator").isEqualTo(3);
    }
}
