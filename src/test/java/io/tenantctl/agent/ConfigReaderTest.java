package io.tenantctl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file: defaults, every value read, and every problem located, all at once. */
class ConfigReaderTest {

    private static ConfigReader.Result read(String yaml) {
        return ConfigReader.read("agent.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(String yaml) {
        return read(yaml).diagnostics().stream()
                .map(d -> d.location() + " " + d.code() + " " + d.message())
                .toList();
    }

    @Test
    void aMinimalConfigurationTakesTheDefaults() {
        ConfigReader.Result result = read("""
                apiVersion: tenantctl.io/v1
                kind: AgentConfig
                sources:
                  - name: seed
                    url: /srv/git/tenants.git
                    paths: [manifests]
                """);
        assertThat(result.diagnostics()).isEmpty();
        AgentConfig config = result.config().orElseThrow();
        assertThat(config.listenHost()).isEqualTo("127.0.0.1");
        assertThat(config.listenPort()).isEqualTo(8080);
        assertThat(config.state()).isEmpty();
        assertThat(config.webhookSecretEnv()).isEmpty();
        SourceConfig source = config.sources().get(0);
        assertThat(source.branch()).isEqualTo("main");
        assertThat(source.applyset()).isEqualTo("seed");
        assertThat(source.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(source.jitter()).isEqualTo(0.1);
        assertThat(source.drift()).isEqualTo(DriftPolicy.REPORT);
        assertThat(source.prune()).isFalse();
        assertThat(source.policy().action(StepClass.ADDITIVE)).isEqualTo(PolicyAction.AUTO);
        for (StepClass c : List.of(
                StepClass.PRIVILEGE_GRANTING,
                StepClass.PRIVILEGE_REMOVING,
                StepClass.TENANCY_CHANGING,
                StepClass.DESTRUCTIVE)) {
            assertThat(source.policy().action(c)).as(c.wireName()).isEqualTo(PolicyAction.APPROVE);
        }
    }

    @Test
    void everyKeyIsRead() {
        ConfigReader.Result result = read("""
                apiVersion: tenantctl.io/v1
                kind: AgentConfig
                state: postgresql://tenantctl@db:5432/tenantctl
                listen: "[::1]:9090"
                workDir: /var/lib/tenantctl/agent
                lockTimeout: 2m
                webhook: {secretEnv: HOOK}
                api: {tokenEnv: TOKEN}
                sources:
                  - name: prod
                    url: https://git.example.com/tenants.git
                    branch: release/1
                    paths: [tenants, accounts]
                    applyset: production
                    interval: 30s
                    jitter: 25%
                    drift: revert
                    prune: true
                    as: [ops@contoso.com]
                    policy: {additive: auto, privilegeGranting: never, privilegeRemoving: auto,
                             tenancyChanging: approve, destructive: never}
                """);
        assertThat(result.diagnostics()).isEmpty();
        AgentConfig config = result.config().orElseThrow();
        assertThat(config.listenHost()).isEqualTo("::1");
        assertThat(config.listenPort()).isEqualTo(9090);
        assertThat(config.lockTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.webhookSecretEnv()).contains("HOOK");
        assertThat(config.apiTokenEnv()).contains("TOKEN");
        SourceConfig source = config.sources().get(0);
        assertThat(source.branch()).isEqualTo("release/1");
        assertThat(source.paths()).containsExactly("tenants", "accounts");
        assertThat(source.applyset()).isEqualTo("production");
        assertThat(source.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(source.jitter()).isEqualTo(0.25);
        assertThat(source.drift()).isEqualTo(DriftPolicy.REVERT);
        assertThat(source.prune()).isTrue();
        assertThat(source.as()).containsExactly("ops@contoso.com");
        assertThat(source.policy().action(StepClass.PRIVILEGE_GRANTING)).isEqualTo(PolicyAction.NEVER);
        assertThat(source.policy().action(StepClass.PRIVILEGE_REMOVING)).isEqualTo(PolicyAction.AUTO);
        assertThat(source.policy().action(StepClass.DESTRUCTIVE)).isEqualTo(PolicyAction.NEVER);
    }

    @Test
    void everyProblemIsReportedAtItsLineAndColumn() {
        List<String> problems = problems("""
                apiVersion: tenantctl.io/v2
                kind: AgentConfig
                listen: everywhere
                colour: blue
                webhook: {secretEnv: "not a name"}
                sources:
                  - name: Seed
                    url: /srv/git/a.git
                    paths: []
                    interval: soon
                    jitter: 2
                    drift: ignore
                    prune: "yes"
                    policy: {additive: auto, destructive: maybe, everything: never}
                  - name: other
                    paths: [x]
                    interval: 100ms
                """);
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "agent.yaml:1:13 agent-config apiVersion is tenantctl.io/v1, not tenantctl.io/v2",
                        "agent.yaml:3:9 agent-config listen is HOST:PORT (for example 127.0.0.1:8080, or port 0 for"
                                + " any free port)",
                        "agent.yaml:4:1 agent-config unknown key 'colour' (expected one of: api, apiVersion, kind,"
                                + " listen, lockTimeout, sources, state, webhook, workDir)",
                        "agent.yaml:5:22 agent-config secretEnv names an environment variable (letters, digits, _),"
                                + " not its value",
                        "agent.yaml:7:11 agent-config a source name is lowercase letters, digits and '-', at most 63"
                                + " (Seed)",
                        "agent.yaml:9:12 agent-config paths is a list of strings, at least one",
                        "agent.yaml:10:15 agent-config interval is a duration like 500ms, 30s, 5m or 1h, not soon",
                        "agent.yaml:11:13 agent-config jitter is a fraction from 0 up to (not including) 1, or a"
                                + " percentage like 10%",
                        "agent.yaml:12:12 agent-config drift is report or revert, not ignore",
                        "agent.yaml:13:12 agent-config prune is true or false",
                        "agent.yaml:14:43 agent-config destructive is auto, approve or never, not maybe",
                        "agent.yaml:14:50 agent-config unknown key 'everything' (expected one of: additive,"
                                + " destructive, privilegeGranting, privilegeRemoving, tenancyChanging)",
                        "agent.yaml:15:5 agent-config missing key 'url'",
                        "agent.yaml:17:15 agent-config interval is at least 1s");
    }

    @Test
    void twoSourcesMayNotShareANameOrAnApplyset() {
        List<String> problems = problems("""
                apiVersion: tenantctl.io/v1
                kind: AgentConfig
                sources:
                  - {name: a, url: /r.git, paths: [m]}
                  - {name: a, url: /r.git, paths: [m], applyset: b}
                  - {name: b, url: /r.git, paths: [m]}
                """);
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "agent.yaml:5:12 agent-config two sources are named a",
                        "agent.yaml:6:12 agent-config two sources apply applyset b; each would prune what the other"
                                + " declares");
    }

    @Test
    void unsafeYamlIsRefusedAsManifestsAre() {
        ConfigReader.Result result = read("a: &x 1\nb: *x\n");
        assertThat(result.config()).isEmpty();
        assertThat(result.diagnostics()).extracting(Diagnostic::code).contains("yaml");
    }

    @Test
    void theCommandLineExitsOneWithEveryProblemAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, "apiVersion: tenantctl.io/v1\nkind: AgentConfig\nsurces: []\n");
        CliRun.Result run = CliRun.cli().run("agent", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(config + ":3:1: error[agent-config]: unknown key 'surces'")
                .contains(config + ":1:1: error[agent-config]: missing key 'sources'")
                .doesNotContain("Exception");
    }

    @Test
    void aSecretVariableThatIsNotSetIsAnError(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, """
                apiVersion: tenantctl.io/v1
                kind: AgentConfig
                webhook: {secretEnv: HOOK_SECRET}
                sources: [{name: a, url: /r.git, paths: [m]}]
                """);
        CliRun.Result unset = CliRun.cli().run("agent", "--config", config.toString(), "--check");
        assertThat(unset.exitCode()).isEqualTo(1);
        assertThat(unset.err()).contains("HOOK_SECRET, which is not set or empty");
        CliRun.Result set = CliRun.cli().env("HOOK_SECRET", "s").run("agent", "--config", config.toString(), "--check");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).contains("The configuration is valid: 1 sources");
    }
}
