package io.tenantctl.provider;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.plan.PlanReader;
import io.tenantctl.sign.Keys;
import io.tenantctl.testing.CliRun.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed plans through the command line: {@code plan --out --signing-key} signs, {@code apply
 * PLANFILE --trusted-key} checks and records the signer in the history, an edited plan with a
 * recomputed digest is refused, and the provider options' usage errors.
 */
class SignedPlanCliTest {

    static final String BEFORE = "manifests/examples/seed/before";
    static final String AFTER = "manifests/examples/seed/after";

    @TempDir
    Path dir;

    String state;
    Path key;
    Path trusted;
    String fingerprint;

    @BeforeEach
    void keys() throws Exception {
        state = "sqlite:" + dir.resolve("state.db");
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        key = Files.writeString(dir.resolve("plan-key.pem"), Keys.pem(pair.getPrivate()));
        trusted = Files.writeString(dir.resolve("plan-key.pub.pem"), Keys.pem(pair.getPublic()));
        fingerprint = Keys.fingerprint(pair.getPublic());
        Result before = cli().run("apply", "-f", BEFORE, "--auto-approve", "--state", state);
        assertThat(before.exitCode()).as(before.toString()).isZero();
    }

    private Path signedPlan() {
        Path plan = dir.resolve("plan.json");
        Result made = cli().run(
                        "plan",
                        "-f",
                        AFTER,
                        "--state",
                        state,
                        "--out",
                        plan.toString(),
                        "--signing-key",
                        key.toString());
        assertThat(made.exitCode()).as(made.toString()).isZero();
        assertThat(made.out()).contains("Saved the plan to " + plan + ", signed (Ed25519)");
        return plan;
    }

    @Test
    void aSignedPlanAppliesWithItsTrustedKeyAndTheHistoryNamesTheKey() {
        Path plan = signedPlan();

        Result apply = cli().run("apply", plan.toString(), "--state", state, "--trusted-key", trusted.toString());

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        JsonNode history =
                Json.parse(cli().run("history", "--state", state, "-o", "json").out());
        assertThat(history.path("items").get(0).path("source").path("signedBy").asString())
                .isEqualTo(fingerprint);
    }

    @Test
    void theKeyMayComeFromTheEnvironment() throws Exception {
        Path plan = dir.resolve("env-plan.json");
        Result made = cli().env("TENANTCTL_SIGNING_KEY", Files.readString(key))
                .run("plan", "-f", AFTER, "--state", state, "--out", plan.toString());
        assertThat(made.exitCode()).as(made.toString()).isZero();

        Result apply = cli().env("TENANTCTL_TRUSTED_KEYS", Files.readString(trusted))
                .run("apply", plan.toString(), "--state", state);

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
    }

    @Test
    void anEditedStepWithARecomputedDigestIsRefusedAndNothingChanges() throws Exception {
        Path plan = signedPlan();
        ObjectNode doc = (ObjectNode) Json.parse(Files.readString(plan));
        ((ObjectNode) doc.path("steps").get(0)).put("account", "JohnDoe@contoso.com");
        doc.put("digest", PlanReader.digest(doc));
        Files.writeString(plan, Json.pretty(doc), StandardCharsets.UTF_8);

        Result apply = cli().run("apply", plan.toString(), "--state", state, "--trusted-key", trusted.toString());

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
        assertThat(apply.err())
                .contains("error[plan-signature]: " + plan + ": the plan's signature is not trusted: none of the 1"
                        + " trusted keys made it, or the plan was changed after it was signed");
        assertThat(cli().run("history", "--state", state, "-o", "json").out()).doesNotContain("\"revision\" : 2");
    }

    @Test
    void aSignedPlanWithoutTrustedKeysAppliesUnderTheRecordProviderWithAWarning() {
        Path plan = signedPlan();

        Result apply = cli().run("apply", plan.toString(), "--state", state);

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.err()).contains("warning[plan-signature]: the plan is signed, but no trusted key was given");
    }

    @Test
    void usageMistakesAreUsageErrors() {
        assertThat(cli().run("plan", "-f", AFTER, "--state", state, "--signing-key", key.toString())
                        .err())
                .contains("--signing-key signs the plan that --out saves");
        Result trustWithF = cli().run("apply", "-f", AFTER, "--state", state, "--allow-unsigned", "--auto-approve");
        assertThat(trustWithF.exitCode()).isEqualTo(64);
        assertThat(trustWithF.err()).contains("check a saved plan's signature: apply PLANFILE, not -f");
        Result bogus = cli().run("plan", "-f", AFTER, "--state", state, "--provider", "aws");
        assertThat(bogus.exitCode()).isEqualTo(64);
        assertThat(bogus.err()).contains("invalid --provider 'aws' (record or azure)");
        Result noConnections = cli().run("plan", "-f", AFTER, "--state", state, "--provider", "azure");
        assertThat(noConnections.exitCode()).isEqualTo(64);
        assertThat(noConnections.err()).contains("--provider azure needs --connections FILE");
        Result connectionsWithRecord =
                cli().run("plan", "-f", AFTER, "--state", state, "--connections", "connections.yaml");
        assertThat(connectionsWithRecord.exitCode()).isEqualTo(64);
    }

    @Test
    void aBadSigningKeyIsNamedNeverShown() throws Exception {
        Path bad = Files.writeString(
                dir.resolve("bad.pem"), "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n");
        Result made = cli().run(
                        "plan",
                        "-f",
                        AFTER,
                        "--state",
                        state,
                        "--out",
                        dir.resolve("p.json").toString(),
                        "--signing-key",
                        bad.toString());
        assertThat(made.exitCode()).isEqualTo(1);
        assertThat(made.err())
                .contains("error[signing-key]: " + bad + " does not hold an Ed25519 private key (PKCS#8 PEM)")
                .doesNotContain("c2VjcmV0");
        assertThat(Files.exists(dir.resolve("p.json"))).isFalse();
    }

    private Result planLive(Path connections) {
        return cli().run(
                        "plan",
                        "-f",
                        AFTER,
                        "--state",
                        state,
                        "--provider",
                        "azure",
                        "--connections",
                        connections.toString());
    }

    @Test
    void theAzureProviderIsRefusedUnderTheClassicProfileAfterItsConnectionsAreRead() throws Exception {
        Path connections = Files.writeString(dir.resolve("connections.yaml"), """
                apiVersion: tenantctl.io/v1
                kind: Connections
                tenants:
                  contoso:
                    tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
                    credential: {kind: azureCli}
                """);
        Result plan = planLive(connections);
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.err())
                .contains("error[provider]: the azure provider works under the entra profile")
                .contains("this state's profile is classic (no tenant was contacted)");

        Files.writeString(connections, "apiVersion: tenantctl.io/v1\nkind: Connections\ntenants: []\n");
        Result invalid = planLive(connections);
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).contains(connections + ":3:10: error[connections]: tenants is a mapping");
    }
}
