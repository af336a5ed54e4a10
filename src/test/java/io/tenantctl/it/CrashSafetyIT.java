package io.tenantctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.state.Snapshot;
import io.tenantctl.state.jdbc.JdbcStateStore;
import io.tenantctl.testing.Child;
import io.tenantctl.testing.CliRun;
import io.tenantctl.testing.WorldPair;
import io.tenantctl.world.World;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * A child process applying a large plan is killed with SIGKILL at many points (while starting,
 * loading, planning, writing, committing). After each kill the SQLite file passes
 * {@code integrity_check} and holds either the old revision or the new one, complete, never
 * anything in between; and applying again converges.
 */
class CrashSafetyIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void aKilledApplyLeavesTheOldOrTheNewRevisionAndAReapplyConverges() throws Exception {
        WorldPair pair = WorldPair.write(dir, 7, 8_000, 0.5);
        World a = pair.a();
        World b = pair.b();
        Path manifestsA = pair.manifestsA();
        Path manifestsB = pair.manifestsB();

        Path base = dir.resolve("base.db");
        CliRun.Result first =
                Child.run(dir, "apply", "-f", manifestsA.toString(), "--auto-approve", "--state", "sqlite:" + base);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        checkpoint(base);

        int killedBefore = 0;
        int killedAfter = 0;
        for (int i = 0; i < 14; i++) {
            Path db = dir.resolve("crash-" + i + ".db");
            Files.copy(base, db, StandardCopyOption.REPLACE_EXISTING);
            Child child = Child.start(
                    dir, "apply", "-f", manifestsB.toString(), "--auto-approve", "--prune", "--state", "sqlite:" + db);
            Thread.sleep(250 + i * 300L);
            child.kill();

            assertThat(integrity(db))
                    .as("integrity_check after a kill at %d ms", 250 + i * 300)
                    .isEqualTo("ok");
            Snapshot snapshot = open(db).read();
            assertThat(snapshot.revision()).isIn(1L, 2L);
            if (snapshot.revision() == 1) {
                assertThat(snapshot.world()).isEqualTo(a);
                assertThat(open(db).history(0)).hasSize(1);
                killedBefore++;
            } else {
                assertThat(snapshot.world()).isEqualTo(b);
                assertThat(open(db).history(1).get(0).steps()).isNotEmpty();
                killedAfter++;
            }
            CliRun.Result again = Child.run(
                    dir, "apply", "-f", manifestsB.toString(), "--auto-approve", "--prune", "--state", "sqlite:" + db);
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(open(db).read().world()).isEqualTo(b);
            CliRun.Result plan = Child.run(
                    dir,
                    "plan",
                    "-f",
                    manifestsB.toString(),
                    "--prune",
                    "--detailed-exitcode",
                    "--state",
                    "sqlite:" + db);
            assertThat(plan.exitCode()).as(plan.toString()).isZero();
        }
        System.out.printf("crash safety: %d kills left the old revision, %d the new one%n", killedBefore, killedAfter);
        assertThat(killedBefore).as("some kills landed before the commit").isPositive();
    }

    private static JdbcStateStore open(Path db) {
        return JdbcStateStore.open(
                "sqlite:" + db, Clock.systemUTC(), () -> UUID.randomUUID().toString(), Duration.ofSeconds(30));
    }

    private static String integrity(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Moves the WAL into the main file so that copying the file copies the whole state. */
    private static void checkpoint(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }
}
