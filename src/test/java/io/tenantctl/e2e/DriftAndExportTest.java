package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.generate.WorldGenerator;
import io.tenantctl.json.Json;
import io.tenantctl.testing.CliRun.Result;
import io.tenantctl.testing.ManifestSet;
import io.tenantctl.testing.WorldPair;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Drift (others changed what an applyset applied) and export (the state back as manifests). */
class DriftAndExportTest extends OnEachBackend {

    static final String BEFORE = "manifests/examples/seed/before";

    @Test
    void anObjectChangedByAnotherApplysetIsDriftWithWhoAndWhen() {
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();
        assertThat(cli().run("drift", "-f", BEFORE, "--state", state).exitCode())
                .isZero();

        ManifestSet other = ManifestSet.empty();
        other.raw("contoso.yaml", """
                apiVersion: tenantctl.io/v1
                kind: Tenant
                metadata: {name: contoso}
                spec:
                  displayName: Contoso Ltd (renamed by the platform team)
                  initialDomain: contoso.onmicrosoft.com
                  domains: [contoso.com]
                  globalAdministrators: [msmith@contoso.com]
                """);
        String otherDir = other.writeTo(dir.resolve("other")).toString();
        Result refused = cli().run(
                        "apply",
                        "-f",
                        otherDir,
                        "--applyset",
                        "platform",
                        "--as",
                        "msmith@contoso.com",
                        "--auto-approve",
                        "--state",
                        state);
        assertThat(refused.exitCode())
                .as("taking an object of another applyset is refused")
                .isEqualTo(1);
        assertThat(refused.err())
                .contains("contoso.yaml:3:18: error[adopt]: Tenant/contoso belongs to applyset default")
                .contains("--force-adopt");
        Result rename = cli().run(
                        "apply",
                        "-f",
                        otherDir,
                        "--applyset",
                        "platform",
                        "--as",
                        "msmith@contoso.com",
                        "--force-adopt",
                        "--auto-approve",
                        "--state",
                        state);
        assertThat(rename.exitCode()).as(rename.toString()).isZero();
        assertThat(rename.err())
                .contains("warning[adopt]: Tenant/contoso moves from applyset default to applyset platform");

        Result drift = cli().run("drift", "-f", BEFORE, "--state", state);
        assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(2);
        assertThat(drift.out())
                .contains("Tenant/contoso was changed in revision 2")
                .contains("2026-01-02T03:04:05Z")
                .contains("msmith@contoso.com")
                .contains("applyset platform")
                .contains("after this applyset applied it in revision 1")
                .contains("spec.displayName: applied \"Contoso\", now \"Contoso Ltd (renamed by the platform team)\"");
        JsonNode json = Json.parse(
                cli().run("drift", "-f", BEFORE, "--state", state, "-o", "json").out());
        assertThat(json.path("drift")).hasSize(1);
        assertThat(json.path("drift").get(0).path("changedRevision").asInt()).isEqualTo(2);

        Result back = cli().run("plan", "-f", BEFORE, "--state", state);
        assertThat(back.exitCode())
                .as("putting it back takes it from platform: refused too")
                .isEqualTo(1);
        assertThat(back.err()).contains("Tenant/contoso belongs to applyset platform");
        Result plan = cli().run("plan", "-f", BEFORE, "--state", state, "--force-adopt");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out())
                .contains("Drift:")
                .contains("Tenant/contoso was changed in revision 2")
                .contains("~ Tenant/contoso will be updated in place");
        assertThat(cli().run("drift", "-f", BEFORE, "--applyset", "platform", "--state", state)
                        .exitCode())
                .as("the platform applyset sees its own change, not drift")
                .isZero();
    }

    @Test
    void anObjectDeletedByOthersIsDriftToo() {
        ManifestSet mine = ManifestSet.empty();
        mine.account("shared").microsoft("shared@outlook.com");
        String mineDir = mine.writeTo(dir.resolve("mine")).toString();
        assertThat(cli().run("apply", "-f", mineDir, "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();
        // Another applyset takes the account over, then prunes it.
        assertThat(cli().run(
                                "apply",
                                "-f",
                                mineDir,
                                "--applyset",
                                "cleanup",
                                "--force-adopt",
                                "--auto-approve",
                                "--state",
                                state)
                        .exitCode())
                .isZero();
        Result pruned = cli().run(
                        "apply",
                        "-f",
                        ManifestSet.empty()
                                .raw("none.yaml", "")
                                .writeTo(dir.resolve("none"))
                                .toString(),
                        "--allow-empty",
                        "--applyset",
                        "cleanup",
                        "--prune",
                        "--allow-mass-prune",
                        "--auto-approve",
                        "--state",
                        state);
        assertThat(pruned.exitCode()).as(pruned.toString()).isZero();

        Result drift = cli().run("drift", "-f", mineDir, "--state", state);
        assertThat(drift.exitCode()).isEqualTo(2);
        assertThat(drift.out())
                .contains("Account/shared was deleted in revision 3")
                .contains("applyset cleanup");
    }

    @Test
    void exportingTheSeedStateAndPlanningItGivesNoChanges() throws Exception {
        assertThat(cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();
        assertThat(cli().run("apply", "-f", "manifests/examples/seed/after", "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();
        for (String layout : new String[] {"tenant", "kind"}) {
            Path out = dir.resolve("export-" + layout);
            Result export = cli().run("export", "--out", out.toString(), "--layout", layout, "--state", state);
            assertThat(export.exitCode()).as(export.toString()).isZero();
            assertThat(export.out()).contains("Exported 7 objects of revision 2");
            Result plan = cli().run("plan", "-f", out.toString(), "--state", state, "--prune", "--detailed-exitcode");
            assertThat(plan.exitCode()).as(plan.toString()).isZero();
        }
        assertThat(dir.resolve("export-kind/tenants.yaml")).exists();
        assertThat(dir.resolve("export-tenant/tenants/contoso.yaml")).exists();
        Result stdout = cli().run("export", "--state", state);
        Path single = dir.resolve("single.yaml");
        Files.writeString(single, stdout.out());
        assertThat(cli().run("plan", "-f", single.toString(), "--state", state, "--detailed-exitcode")
                        .exitCode())
                .isZero();
        assertThat(cli().run("export", "--state", state).out())
                .as("stable order")
                .isEqualTo(stdout.out());
    }

    @Test
    void exportingAGeneratedWorldAndPlanningItGivesNoChanges() {
        Path generated = dir.resolve("generated");
        WorldPair.tree(new WorldGenerator(21).generate(1500), generated);
        assertThat(cli().run("apply", "-f", generated.toString(), "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();
        Path out = dir.resolve("export");
        assertThat(cli().run("export", "--out", out.toString(), "--state", state)
                        .exitCode())
                .isZero();
        Result plan = cli().run("plan", "-f", out.toString(), "--state", state, "--prune", "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
    }
}
