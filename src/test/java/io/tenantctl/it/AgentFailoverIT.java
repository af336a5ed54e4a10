package io.tenantctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.agent.GitSource;
import io.tenantctl.agent.status.SourceStatus;
import io.tenantctl.agent.store.AgentStore;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.jdbc.JdbcStateStore;
import io.tenantctl.testing.CliRun;
import io.tenantctl.testing.Postgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agent processes share one PostgreSQL state (the embedded server): one leads the source, the
 * other stands by. The leader is killed with SIGKILL; the other takes the source over at one of its
 * next tries (a try every two seconds, so within ten seconds), goes on applying, and no plan is
 * applied twice: every revision in the history comes from a different commit and digest.
 */
class AgentFailoverIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void whenTheLeaderIsKilledTheOtherTakesOverAndNothingIsAppliedTwice() throws Exception {
        String state = Postgres.newDatabase();
        GitSource git = GitSource.create(dir.resolve("git"));
        git.copy(Path.of("manifests/examples/seed/before"), "manifests");
        String first = git.push("seed, before");
        String policy = "interval: 1s\npolicy: {privilegeGranting: auto, tenancyChanging: auto}";
        Path configA =
                AgentProcess.config(dir.resolve("a/agent.yaml"), state, dir.resolve("a/work"), git.url(), policy);
        Path configB =
                AgentProcess.config(dir.resolve("b/agent.yaml"), state, dir.resolve("b/work"), git.url(), policy);

        AgentProcess a = AgentProcess.start(dir.resolve("a/run"), configA);
        AgentProcess b = null;
        try {
            AgentStore store = AgentStore.of(state);
            await(
                    store,
                    "A applies the first commit",
                    s -> s.leader().contains("(pid " + a.pid() + ")")
                            && s.lastApply().map(x -> x.commit().equals(first)).orElse(false));
            b = AgentProcess.start(dir.resolve("b/run"), configB);
            AgentProcess standby = b;
            standby.awaitLog("standing by", l -> l.contains("another agent leads this source; standing by"));
            String taken = "tenantctl_agent_lead_attempts_total{result=\"taken\",source=\"seed\"}";
            assertThat(standby.metric("tenantctl_agent_leader{source=\"seed\"}"))
                    .isZero();

            double triesBefore = standby.metric(taken);
            Instant killed = Instant.now();
            a.child().kill();
            SourceStatus takenOver = await(store, "B leads", s -> s.leader().contains("(pid " + standby.pid() + ")"));
            Duration took = Duration.between(killed, Instant.now());
            double triesAfter = standby.metric(taken);
            System.out.printf(
                    "failover: B took the source over %d ms after A was killed, after %.0f refused tries%n",
                    took.toMillis(), triesAfter - triesBefore);
            // PostgreSQL drops a dead session's advisory lock as soon as its socket closes, so B wins
            // at its first or second try after the kill (they are two seconds apart: under ten seconds).
            assertThat(triesAfter - triesBefore).isLessThanOrEqualTo(2);
            assertThat(standby.metric("tenantctl_agent_leader{source=\"seed\"}"))
                    .isEqualTo(1);
            assertThat(takenOver.lastApply().orElseThrow().commit()).isEqualTo(first);

            git.copy(Path.of("manifests/examples/seed/after"), "manifests");
            String second = git.push("seed, after");
            await(
                    store,
                    "B applies the second commit",
                    s -> s.lastApply().map(x -> x.commit().equals(second)).orElse(false));

            List<RevisionRecord> history = history(state);
            assertThat(history).hasSize(2);
            assertThat(history).extracting(r -> r.source().get("commit")).containsExactlyInAnyOrder(first, second);
            assertThat(history).extracting(RevisionRecord::digest).doesNotHaveDuplicates();
            CliRun.Result plan = CliRun.cli()
                    .run(
                            "plan",
                            "-f",
                            git.work().resolve("manifests").toString(),
                            "--applyset",
                            "seed",
                            "--detailed-exitcode",
                            "--state",
                            state);
            assertThat(plan.exitCode()).as(plan.toString()).isZero();

            ProcessHandle.of(b.pid()).orElseThrow().destroy(); // SIGTERM
            assertThat(b.child().await(120).exitCode()).isZero();
            assertThat(b.log()).contains("stopped");
        } finally {
            if (a.child().isAlive()) {
                a.child().kill();
            }
            if (b != null && b.child().isAlive()) {
                b.child().kill();
            }
        }
    }

    private static List<RevisionRecord> history(String state) {
        try (JdbcStateStore store = JdbcStateStore.open(
                state, Clock.systemUTC(), () -> UUID.randomUUID().toString(), Duration.ofSeconds(30))) {
            return store.history(0);
        }
    }

    static SourceStatus await(AgentStore store, String what, Predicate<SourceStatus> until)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        Optional<SourceStatus> last = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            try {
                last = store.status("seed");
            } catch (RuntimeException e) {
                // the agent has not created the tables yet
            }
            if (last.isPresent() && until.test(last.get())) {
                return last.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never: " + what + "; last status " + last);
    }
}
