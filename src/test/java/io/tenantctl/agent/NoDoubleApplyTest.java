package io.tenantctl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.agent.status.HeldPlan;
import io.tenantctl.agent.store.AgentStore;
import io.tenantctl.apply.Applier;
import io.tenantctl.apply.ApplyResult;
import io.tenantctl.engine.Engine;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanReader;
import io.tenantctl.profile.classic.ClassicProfile;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.StateStore;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard that no plan is applied twice, shown without leadership: two reconcilers that both
 * believe they lead the source (what a split brain would give) run the same approved plan at once.
 * The state's base-revision check lets exactly one apply it; the other finds its plan stale, plans
 * again, and has nothing to do. Applying the held plan once more by hand is refused as stale.
 */
class NoDoubleApplyTest {

    @TempDir
    Path dir;

    @Test
    void twoLeadersApplyTheSameApprovedPlanOnce() throws Exception {
        GitSource git = GitSource.create(dir);
        git.copy(Path.of("manifests/examples/seed/before"), "manifests");
        git.push("seed, before");
        String state = "sqlite:" + dir.resolve("state.db");
        Engine engine = new Engine(
                new ClassicProfile(),
                InputStream::nullInputStream,
                Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
        SourceConfig source = new SourceConfig(
                "seed",
                git.url(),
                "main",
                List.of("manifests"),
                "seed",
                Duration.ofHours(1),
                0,
                Policy.DEFAULT,
                DriftPolicy.REPORT,
                false,
                List.of());
        try (StateStore store = engine.openStore(state, Duration.ofSeconds(60))) {
            AgentStore agentStore = AgentStore.of(state);
            Reconciler one = reconciler(source, engine, store, agentStore, "one");
            one.lead();
            assertThat(one.cycle().outcome()).isEqualTo(Outcome.APPLIED);

            git.copy(Path.of("manifests/examples/seed/after"), "manifests");
            git.push("seed, after");
            assertThat(one.cycle().outcome()).isEqualTo(Outcome.HELD);
            HeldPlan held = agentStore.held("seed").orElseThrow();
            Plan plan = PlanReader.read(
                            agentStore.document("seed", held.digest()).orElseThrow())
                    .plan();
            agentStore.approve("seed", held.digest(), "reviewer", Instant.now());

            Reconciler two = reconciler(source, engine, store, agentStore, "two");
            two.lead();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Reconciler.Report>> reports = new ArrayList<>();
            for (Reconciler r : List.of(one, two)) {
                reports.add(pool.submit(() -> {
                    go.await();
                    return r.cycle();
                }));
            }
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Reconciler.Report> report : reports) {
                outcomes.add(report.get().outcome());
            }
            pool.shutdown();
            assertThat(outcomes).containsExactlyInAnyOrder(Outcome.APPLIED, Outcome.UP_TO_DATE);

            List<RevisionRecord> history = store.history(0);
            assertThat(history).hasSize(2);
            assertThat(history)
                    .filteredOn(r -> r.digest().equals(held.digest()))
                    .hasSize(1);

            ApplyResult again = engine.applySaved(
                    plan,
                    store,
                    new Applier.Request(
                            Duration.ofSeconds(60), LockHolder.thisProcess("test", Instant.now()), p -> true, false));
            assertThat(again.outcome().name()).isEqualTo("STALE");
            assertThat(again.diagnostics()).extracting(d -> d.code()).containsExactly("stale-plan");
            assertThat(store.history(0)).hasSize(2);
        }
    }

    private Reconciler reconciler(
            SourceConfig source, Engine engine, StateStore store, AgentStore agentStore, String name) {
        return new Reconciler(
                source,
                engine,
                store,
                agentStore,
                new GitFetcher(dir.resolve("work-" + name)),
                new AgentMetrics(),
                new AgentLog(new PrintWriter(new StringWriter()), Clock.systemUTC()),
                Clock.systemUTC(),
                Duration.ofSeconds(60),
                LockHolder.thisProcess(name, Instant.now()),
                () -> false);
    }
}
