package io.tenantctl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.agent.http.AgentRuntime;
import io.tenantctl.agent.status.SourceStatus;
import io.tenantctl.agent.store.AgentStore;
import io.tenantctl.engine.Engine;
import io.tenantctl.profile.classic.ClassicProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An agent run in-process exactly as {@code tenantctl agent} runs it (the same runtime, a real
 * state store, a real git remote, a real HTTP port on loopback), with ways to wait for what it
 * reports. Waits are bounded only so that a broken agent fails instead of hanging; no test asserts
 * how long anything took.
 */
public final class AgentHarness implements AutoCloseable {

    /** Long enough for any cycle on a loaded machine; a wait that runs out is a failure, not a timing. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final AgentRuntime runtime;
    private final StringWriter log;

    private AgentHarness(AgentRuntime runtime, StringWriter log) {
        this.runtime = runtime;
        this.log = log;
    }

    /** A configuration with one source; {@code extra} is more YAML for the source, indented by 4. */
    public static String config(String stateUrl, String workDir, String url, String extra) {
        return """
                apiVersion: tenantctl.io/v1
                kind: AgentConfig
                state: %s
                listen: 127.0.0.1:0
                workDir: %s
                webhook:
                  secretEnv: HOOK_SECRET
                api:
                  tokenEnv: API_TOKEN
                sources:
                  - name: seed
                    url: %s
                    branch: main
                    paths: [manifests]
                %s
                """.formatted(stateUrl, workDir, url, extra.indent(4).stripTrailing());
    }

    public static AgentHarness start(String yaml, String stateUrl, AgentRuntime.Secrets secrets) {
        ConfigReader.Result read = ConfigReader.read("agent.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(read.diagnostics()).as("configuration problems").isEmpty();
        Engine engine = new Engine(
                new ClassicProfile(),
                InputStream::nullInputStream,
                Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
        StringWriter log = new StringWriter();
        AgentLog agentLog = new AgentLog(new PrintWriter(log, true), Clock.systemUTC());
        AgentRuntime runtime =
                AgentRuntime.start(read.config().orElseThrow(), stateUrl, secrets, engine, Clock.systemUTC(), agentLog);
        return new AgentHarness(runtime, log);
    }

    public static AgentRuntime.Secrets secrets() {
        return new AgentRuntime.Secrets(
                Optional.of("hook-secret".getBytes(StandardCharsets.UTF_8)), Optional.of("api-token"));
    }

    public AgentRuntime runtime() {
        return runtime;
    }

    public AgentStore store() {
        return runtime.agentStore();
    }

    public SourceWorker worker() {
        return runtime.agent().worker("seed").orElseThrow();
    }

    public String base() {
        return "http://127.0.0.1:" + runtime.port();
    }

    public String log() {
        return log.toString();
    }

    /** {@code GET} of a path of the agent's port. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + path)));
    }

    /** {@code POST} to a path of the agent's port, with headers given as name, value, name, value... */
    public HttpResponse<String> post(String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the source's stored status satisfies {@code until}; fails with the log otherwise. */
    public SourceStatus await(String what, Predicate<SourceStatus> until) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<SourceStatus> status = store().status("seed");
            if (status.isPresent() && until.test(status.get())) {
                return status.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(
                "the agent never reported " + what + "; status: " + store().status("seed") + "\nlog:\n" + log());
    }

    /** The commit of the source's last apply, as the store has it now. */
    public String lastAppliedCommit() {
        return store().status("seed").orElseThrow().lastApply().orElseThrow().commit();
    }

    /** Waits until the source's last apply is of {@code commit}. */
    public SourceStatus awaitApplied(String commit) {
        return await(
                "an apply of " + commit,
                s -> s.lastApply().map(a -> a.commit().equals(commit)).orElse(false));
    }

    @Override
    public void close() {
        runtime.close();
    }
}
