package io.tenantctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.agent.GitSource;
import io.tenantctl.generate.WorldGenerator;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.jdbc.JdbcStateStore;
import io.tenantctl.testing.CliRun;
import io.tenantctl.testing.WorldPair;
import io.tenantctl.world.World;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real agent process while it applies a large first commit: the process exits 0, and
 * the state holds the old revision (nothing) or the new one (everything), never part of it. A
 * second agent then converges. Where the signal lands (before the commit or after) is printed.
 */
class AgentSigtermIT {

    private static final int OBJECTS = 6_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(900)
    void sigtermDuringAnApplyLeavesTheOldOrTheNewRevisionAndExitsZero() throws Exception {
        World world = new WorldGenerator(3).generate(OBJECTS);
        GitSource git = GitSource.create(dir.resolve("git"));
        WorldPair.tree(world, git.work().resolve("manifests"));
        String commit = git.push("a generated world");
        String policy = "interval: 1s\npolicy: {privilegeGranting: auto, privilegeRemoving: auto,"
                + " tenancyChanging: auto, destructive: auto}";
        int before = 0;
        int after = 0;
        Path config = null;
        String state = null;
        // The signal lands at different points: as the apply starts (it is left before the lock's
        // last word), and later while the steps are checked and written (the commit completes).
        for (int delay : new int[] {0, 300, 700, 1200}) {
            Path db = dir.resolve("state-" + delay + ".db");
            state = "sqlite:" + db;
            config = AgentProcess.config(
                    dir.resolve("agent-" + delay + ".yaml"), state, dir.resolve("work"), git.url(), policy);
            AgentProcess agent = AgentProcess.start(dir.resolve("run-" + delay), config);
            agent.awaitLog("the apply", l -> l.contains("msg=\"applying "));
            Thread.sleep(delay);
            ProcessHandle.of(agent.pid()).orElseThrow().destroy(); // SIGTERM
            CliRun.Result ended = agent.child().await(300);
            assertThat(ended.exitCode()).as(ended.toString()).isZero();
            assertThat(agent.log()).contains("msg=\"stopped\"");

            assertThat(integrity(db)).isEqualTo("ok");
            Snapshot snapshot = open(state).read();
            if (snapshot.revision() == 0) {
                assertThat(snapshot.world().size()).isZero();
                assertThat(open(state).history(0)).isEmpty();
                before++;
            } else {
                assertThat(snapshot.revision()).isEqualTo(1);
                assertThat(snapshot.world()).isEqualTo(world);
                assertThat(open(state).history(0)).hasSize(1);
                after++;
            }
        }
        System.out.printf(
                "sigterm: %d signals left the state at revision 0, %d let the apply in flight commit whole%n",
                before, after);

        AgentProcess again = AgentProcess.start(dir.resolve("run-again"), config);
        again.awaitLog(
                "an apply or nothing to do", l -> l.contains("msg=\"applied: ") || l.contains("msg=\"up-to-date: "));
        assertThat(open(state).read().world()).isEqualTo(world);
        assertThat(open(state).read().revision()).isEqualTo(1);
        ProcessHandle.of(again.pid()).orElseThrow().destroy();
        assertThat(again.child().await(300).exitCode()).isZero();
        System.out.println("sigterm: " + commit.substring(0, 12) + " applied once in the last state");
    }

    private static JdbcStateStore open(String state) {
        return JdbcStateStore.open(
                state, Clock.systemUTC(), () -> UUID.randomUUID().toString(), Duration.ofSeconds(60));
    }

    private static String integrity(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
