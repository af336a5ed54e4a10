package io.tenantctl.provider.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.apply.ApplyResult;
import io.tenantctl.apply.Outcome;
import io.tenantctl.provider.Fixture;
import io.tenantctl.provider.FixtureServer;
import io.tenantctl.state.JournalRun;
import io.tenantctl.state.JournalStep;
import io.tenantctl.state.StateStore;
import io.tenantctl.state.jdbc.JdbcStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live apply killed with SIGKILL while its last step's request is on its way, in a real process,
 * and the apply of the same plan that follows: it resumes from the journal, sends no done step
 * again, reads whether the interrupted step took effect (it had) and does not send it again either.
 */
class LiveApplyKillTest {

    @TempDir
    Path dir;

    FixtureServer server;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start(dir);
    }

    @AfterEach
    void stop() {
        server.release();
        server.close();
    }

    private static long count(List<FixtureServer.Recorded> requests, String method, String path) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .count();
    }

    @Test
    void aKilledApplyResumesAndRepeatsNoStep() throws Exception {
        String state = "sqlite:" + dir.resolve("state.db");
        Path plan = LiveApplyTest.prepare(dir, state);
        Path connections = LiveApplyTest.connections(dir, server);
        LiveApplyTest.routes(server, Fixture.of("graph/users-create.json"));
        String assignments = "/v1.0/roleManagement/directory/roleAssignments";
        server.hold("POST", assignments);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                LiveApply.class.getName(),
                state,
                plan.toString(),
                connections.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile());
        builder.environment().put("AZURE_CLIENT_SECRET", LiveApplyTest.SECRET);
        Process child = builder.start();
        server.awaitRequest("POST", assignments);
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        server.release();
        assertThat(child.exitValue())
                .as(Files.readString(dir.resolve("child.log")))
                .isEqualTo(137);

        try (StateStore store = JdbcStateStore.open(state, Clock.systemUTC(), () -> "x", Duration.ofSeconds(5))) {
            JournalRun interrupted = store.journal().unfinished().orElseThrow();
            assertThat(interrupted.step(1).orElseThrow().status()).isEqualTo(JournalStep.Status.DONE);
            assertThat(interrupted.step(2).orElseThrow().status()).isEqualTo(JournalStep.Status.DONE);
            assertThat(interrupted.step(3).orElseThrow().status()).isEqualTo(JournalStep.Status.STARTED);
            assertThat(store.read().revision())
                    .as("the killed apply committed nothing")
                    .isEqualTo(1);
        }
        int before = server.apiRequests().size();

        ApplyResult resumed =
                LiveApply.run(state, plan, connections, Map.of("AZURE_CLIENT_SECRET", LiveApplyTest.SECRET), d -> {});

        assertThat(resumed.outcome()).as(resumed.diagnostics().toString()).isEqualTo(Outcome.APPLIED);
        assertThat(resumed.live().orElseThrow().resumed()).isTrue();
        assertThat(resumed.live().orElseThrow().done()).containsExactly(1, 2, 3);
        assertThat(resumed.revision()).isEqualTo(2);
        List<FixtureServer.Recorded> all = server.apiRequests();
        List<FixtureServer.Recorded> after = all.subList(before, all.size());
        assertThat(count(after, "POST", "/v1.0/domains")).isZero();
        assertThat(count(after, "POST", "/v1.0/users")).isZero();
        assertThat(count(after, "POST", assignments))
                .as("the interrupted step took effect: read, not sent")
                .isZero();
        assertThat(count(after, "GET", assignments)).isEqualTo(1);
        assertThat(count(all, "POST", assignments)).isEqualTo(1);
        assertThat(count(all, "POST", "/v1.0/users")).isEqualTo(1);
        try (StateStore store = JdbcStateStore.open(state, Clock.systemUTC(), () -> "x", Duration.ofSeconds(5))) {
            assertThat(store.journal().unfinished()).isEmpty();
            assertThat(store.history(1).get(0).steps()).hasSize(3);
        }
    }
}
