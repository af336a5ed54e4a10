package io.tenantctl.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.agent.AgentHarness;
import io.tenantctl.agent.GitSource;
import io.tenantctl.agent.status.ConditionType;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /hooks/git} on a running agent whose interval is an hour, so that only the webhook can
 * start a cycle: unsigned and wrongly signed pushes get 401 and trigger nothing; a good one triggers
 * a cycle at once, which applies the push. Also the other endpoints: health, readiness, metrics, API.
 */
class WebhookEndpointTest {

    @TempDir
    Path dir;

    private static HttpResponse<String> post(AgentHarness agent, String path, String body, String signature)
            throws Exception {
        return agent.post(path, body, "X-GitHub-Event", "push", "X-Hub-Signature-256", signature);
    }

    @Test
    void onlyAGoodSignatureTriggersACycle() throws Exception {
        GitSource git = GitSource.create(dir);
        git.copy(Path.of("manifests/examples/seed/before"), "manifests");
        String first = git.push("seed");
        String state = "sqlite:" + dir.resolve("state.db");
        String yaml = AgentHarness.config(state, dir.resolve("agent").toString(), git.url(), "interval: 1h");
        try (AgentHarness agent = AgentHarness.start(yaml, state, AgentHarness.secrets())) {
            agent.awaitApplied(first);
            assertThat(agent.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(agent.get("/readyz").body()).isEqualTo("ready\n");

            String contoso = Files.readString(git.work().resolve("manifests/contoso.yaml"));
            git.write("manifests/contoso.yaml", contoso.replace("displayName: Contoso", "displayName: Contoso Ltd"));
            String second = git.push("rename");
            String body = "{\"ref\":\"refs/heads/main\",\"after\":\"" + second + "\"}";
            String hook = "/hooks/git";
            byte[] secret = "hook-secret".getBytes(StandardCharsets.UTF_8);
            long cycles = agent.worker().cyclesStarted();

            HttpResponse<String> unsigned = agent.post(hook, body, "X-GitHub-Event", "push");
            assertThat(unsigned.statusCode()).isEqualTo(401);
            HttpResponse<String> wrong = post(
                    agent,
                    hook,
                    body,
                    WebhookSignature.sign(
                            "guess".getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));
            assertThat(wrong.statusCode()).isEqualTo(401);
            HttpResponse<String> otherBody =
                    post(agent, hook, body + " ", WebhookSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8)));
            assertThat(otherBody.statusCode()).isEqualTo(401);
            // A trigger is counted before the response is sent: none was.
            assertThat(agent.worker().triggers()).isZero();
            assertThat(agent.worker().cyclesStarted()).isEqualTo(cycles);
            assertThat(agent.lastAppliedCommit()).isEqualTo(first);

            HttpResponse<String> good =
                    post(agent, hook, body, WebhookSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8)));
            assertThat(good.statusCode()).isEqualTo(202);
            assertThat(good.body()).contains("\"seed\"");
            assertThat(agent.worker().triggers()).isEqualTo(1);
            agent.awaitApplied(second);
            assertThat(agent.store()
                            .status("seed")
                            .orElseThrow()
                            .condition(ConditionType.READY)
                            .isTrue())
                    .isTrue();

            String metrics = agent.get("/metrics").body();
            assertThat(metrics)
                    .contains("tenantctl_agent_webhook_requests_total{result=\"unsigned\"} 1.0")
                    .contains("tenantctl_agent_webhook_requests_total{result=\"bad-signature\"} 2.0")
                    .contains("tenantctl_agent_webhook_requests_total{result=\"accepted\"} 1.0")
                    .contains("tenantctl_agent_cycles_total{outcome=\"applied\",source=\"seed\"} 2.0")
                    .contains("tenantctl_agent_cycle_duration_seconds_bucket{source=\"seed\",le=\"0.5\"}")
                    .contains("tenantctl_agent_applied_steps_total{class=\"additive\",source=\"seed\"} 8.0")
                    .contains("tenantctl_agent_condition{source=\"seed\",type=\"Ready\"} 1.0")
                    .contains("tenantctl_agent_last_success_timestamp_seconds{source=\"seed\"}");
            String status = agent.get("/api/v1/status").body();
            assertThat(status).contains("\"observedCommit\" : \"" + second + "\"");
            HttpResponse<String> noToken = agent.post("/api/v1/sources/seed/reconcile", "");
            assertThat(noToken.statusCode()).isEqualTo(401);
            HttpResponse<String> withToken =
                    agent.post("/api/v1/sources/seed/reconcile", "", "Authorization", "Bearer api-token");
            assertThat(withToken.statusCode()).isEqualTo(202);
            assertThat(agent.worker().triggers()).isEqualTo(2);
        }
    }
}
