package io.tenantctl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.agent.status.ConditionType;
import io.tenantctl.agent.status.CycleEvent;
import io.tenantctl.agent.status.HeldPlan;
import io.tenantctl.agent.status.SourceStatus;
import io.tenantctl.testing.CliRun;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's loop against a local bare repository and a SQLite state, in-process: a push is
 * applied by the first cycle that starts after it; an invalid manifest stalls the source with its
 * located diagnostic; a privilege grant under {@code approve} waits until approved, with
 * {@code tenantctl approve} and with the status page's form; drift is reported or reverted as the
 * source says; a class under {@code never} stalls; a second agent on the same SQLite state is refused.
 */
class AgentLoopTest {

    private static final Path SEED = Path.of("manifests/examples/seed");

    @TempDir
    Path dir;

    private GitSource git;
    private String state;

    @BeforeEach
    void repository() throws Exception {
        git = GitSource.create(dir);
        git.copy(SEED.resolve("before"), "manifests");
        state = "sqlite:" + dir.resolve("state.db");
    }

    private AgentHarness agent(String sourceYaml) {
        return AgentHarness.start(
                AgentHarness.config(state, dir.resolve("agent").toString(), git.url(), sourceYaml),
                state,
                AgentHarness.secrets());
    }

    @Test
    void aPushIsAppliedByTheFirstCycleAfterIt() throws Exception {
        String first = git.push("seed, before");
        try (AgentHarness agent = agent("interval: 1s")) {
            SourceStatus applied = agent.awaitApplied(first);
            assertThat(applied.condition(ConditionType.READY).isTrue()).isTrue();
            assertThat(applied.lastApply().orElseThrow().revision()).isEqualTo(1);

            String contoso = Files.readString(git.work().resolve("manifests/contoso.yaml"));
            git.write("manifests/contoso.yaml", contoso.replace("displayName: Contoso", "displayName: Contoso Ltd"));
            String second = git.push("rename Contoso");
            long startedBeforeThePush = agent.worker().cyclesStarted();
            agent.awaitApplied(second);

            CycleEvent event = agent.store().history("seed", 100).stream()
                    .filter(e -> e.outcome().equals("applied") && e.commit().equals(second))
                    .findFirst()
                    .orElseThrow();
            // The cycle running during the push may have fetched before it; the next one cannot have.
            assertThat(event.cycle()).isLessThanOrEqualTo(startedBeforeThePush + 1);
            CliRun.Result get = CliRun.cli().run("get", "tenant", "contoso", "-o", "json", "--state", state);
            assertThat(get.out()).contains("Contoso Ltd");
        }
    }

    @Test
    void anInvalidManifestStallsTheSourceWithItsDiagnosticUntilItIsFixed() throws Exception {
        git.push("seed, before");
        try (AgentHarness agent = agent("interval: 1s")) {
            agent.await("Ready", s -> s.condition(ConditionType.READY).isTrue());
            git.write(
                    "manifests/broken.yaml", "apiVersion: tenantctl.io/v1\nkind: Tenant\nmetadata: {name: Bad_Name}\n");
            String broken = git.push("a broken manifest");
            SourceStatus stalled = agent.await(
                    "Stalled",
                    s -> s.observedCommit().equals(broken)
                            && s.condition(ConditionType.STALLED).isTrue());
            assertThat(stalled.condition(ConditionType.STALLED).reason()).isEqualTo("ValidationFailed");
            assertThat(stalled.condition(ConditionType.STALLED).message())
                    .contains("manifests/broken.yaml:3:")
                    .contains("error[schema]");
            assertThat(stalled.condition(ConditionType.READY).isTrue()).isFalse();

            git.delete("manifests/broken.yaml");
            String fixed = git.push("remove it");
            SourceStatus ready = agent.await(
                    "Ready again",
                    s -> s.observedCommit().equals(fixed)
                            && s.condition(ConditionType.READY).isTrue());
            assertThat(ready.condition(ConditionType.STALLED).isTrue()).isFalse();
        }
    }

    @Test
    void aPrivilegeGrantWaitsUntilApprovedOnTheCommandLineOrOnThePage() throws Exception {
        String first = git.push("seed, before");
        try (AgentHarness agent = agent("interval: 1s")) {
            agent.awaitApplied(first);
            git.copy(SEED.resolve("after"), "manifests");
            String after = git.push("seed, after: a grant, a transfer and a co-administrator");
            SourceStatus held = agent.await(
                    "a held plan",
                    s -> s.observedCommit().equals(after)
                            && s.condition(ConditionType.READY).reason().equals("AwaitingApproval"));
            HeldPlan plan = agent.store().held("seed").orElseThrow();
            assertThat(plan.classes()).containsEntry("privilege-granting", 2).containsEntry("tenancy-changing", 1);
            assertThat(held.condition(ConditionType.RECONCILING).isTrue()).isTrue();
            // Held means held: cycles go on, and nothing is applied.
            long cycles = agent.worker().cyclesStarted();
            agent.await("two more cycles", s -> agent.worker().cyclesStarted() >= cycles + 2);
            assertThat(agent.lastAppliedCommit()).isEqualTo(first);

            CliRun.Result wrong = CliRun.cli().run("approve", "seed", "sha256:" + "0".repeat(64), "--state", state);
            assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(3);
            CliRun.Result approve =
                    CliRun.cli().run("approve", "seed", plan.digest(), "--by", "reviewer", "--state", state);
            assertThat(approve.exitCode()).as(approve.toString()).isZero();
            SourceStatus applied = agent.awaitApplied(after);
            assertThat(applied.lastApply().orElseThrow().digest()).isEqualTo(plan.digest());
            assertThat(applied.condition(ConditionType.READY).message()).contains("approved by reviewer");
            CliRun.Result history = CliRun.cli().run("history", "--state", state);
            assertThat(history.out()).contains(plan.digest().substring(0, 19));

            // A second grant, approved with the page's form: a wrong token changes nothing.
            String contoso = Files.readString(git.work().resolve("manifests/contoso.yaml"));
            git.write(
                    "manifests/contoso.yaml",
                    contoso.replace(
                            "globalAdministrators: [msmith@contoso.com, msmith@hotmail.com]",
                            "globalAdministrators: [msmith@contoso.com, msmith@hotmail.com, JohnDoe@contoso.com]"));
            String grant = git.push("John Doe becomes a global administrator");
            agent.await(
                    "a second held plan",
                    s -> s.observedCommit().equals(grant)
                            && s.condition(ConditionType.READY).reason().equals("AwaitingApproval"));
            HeldPlan second = agent.store().held("seed").orElseThrow();
            HttpResponse<String> refused = form(agent, second.digest(), "not-the-token");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(agent.store().held("seed").orElseThrow().approval()).isEmpty();
            HttpResponse<String> accepted = form(agent, second.digest(), "api-token");
            assertThat(accepted.statusCode()).isEqualTo(303);
            agent.awaitApplied(grant);
            assertThat(agent.store().held("seed")).isEmpty();
        }
    }

    private static HttpResponse<String> form(AgentHarness agent, String digest, String token) throws Exception {
        String body = "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8) + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return agent.post("/sources/seed/approve", body, "Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void driftIsReportedUnderReportAndRevertedUnderRevert() throws Exception {
        String first = git.push("seed, before");
        Path changed = dir.resolve("by-hand");
        Files.createDirectories(changed);
        Files.writeString(
                changed.resolve("contoso.yaml"),
                Files.readString(SEED.resolve("before/contoso.yaml"))
                        .replace("displayName: Contoso\n", "displayName: Changed by hand\n"));
        try (AgentHarness agent = agent("interval: 1s\ndrift: report")) {
            agent.awaitApplied(first);
            CliRun.Result byHand = CliRun.cli()
                    .run(
                            "apply",
                            "-f",
                            changed.toString(),
                            "--applyset",
                            "by-hand",
                            "--force-adopt",
                            "--auto-approve",
                            "--state",
                            state);
            assertThat(byHand.exitCode()).as(byHand.toString()).isZero();
            SourceStatus drifted = agent.await(
                    "drift", s -> s.condition(ConditionType.READY).reason().equals("DriftDetected"));
            assertThat(drifted.driftedObjects()).isPositive();
            assertThat(drifted.condition(ConditionType.READY).message()).contains("Tenant/contoso");
            assertThat(CliRun.cli()
                            .run("get", "tenant", "contoso", "--state", state)
                            .out())
                    .contains("Changed by hand");
        }
        try (AgentHarness agent = agent("interval: 1s\ndrift: revert")) {
            agent.await(
                    "a revert",
                    s -> s.condition(ConditionType.READY).isTrue()
                            && s.lastApply().map(a -> a.revision() == 3).orElse(false));
            assertThat(CliRun.cli()
                            .run("get", "tenant", "contoso", "--state", state)
                            .out())
                    .doesNotContain("Changed by hand");
        }
    }

    @Test
    void aClassUnderNeverStallsTheSource() throws Exception {
        String first = git.push("seed, before");
        try (AgentHarness agent = agent("interval: 1s\nprune: true\npolicy:\n  destructive: never")) {
            agent.awaitApplied(first);
            String accounts = Files.readString(git.work().resolve("manifests/accounts.yaml"));
            git.write("manifests/accounts.yaml", accounts.substring(0, accounts.indexOf("---\n# John Doe")));
            String removal = git.push("John Doe leaves");
            SourceStatus stalled = agent.await(
                    "Stalled",
                    s -> s.observedCommit().equals(removal)
                            && s.condition(ConditionType.STALLED).isTrue());
            assertThat(stalled.condition(ConditionType.STALLED).reason()).isEqualTo("PolicyForbids");
            assertThat(stalled.condition(ConditionType.STALLED).message())
                    .contains("DeleteAccount")
                    .contains("destructive");
            assertThat(CliRun.cli()
                            .run("get", "account", "john-doe", "--state", state)
                            .exitCode())
                    .isZero();
        }
    }

    @Test
    void aSecondAgentOnTheSameSqliteStateIsRefusedAndNamesTheHolder() throws Exception {
        git.push("seed, before");
        String yaml = AgentHarness.config(state, dir.resolve("agent").toString(), git.url(), "interval: 1s");
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, yaml);
        try (AgentHarness agent = agent("interval: 1s")) {
            agent.await("Ready", s -> s.condition(ConditionType.READY).isTrue());
            CliRun.Result second = CliRun.cli()
                    .env("HOOK_SECRET", "x")
                    .env("API_TOKEN", "y")
                    .run("agent", "--config", config.toString());
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
            assertThat(second.err())
                    .contains("error[agent-locked]")
                    .contains("pid " + ProcessHandle.current().pid());
        }
    }
}
