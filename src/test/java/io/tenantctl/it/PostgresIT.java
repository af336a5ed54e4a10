package io.tenantctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.json.Json;
import io.tenantctl.plan.StepJson;
import io.tenantctl.plan.StepRunner;
import io.tenantctl.profile.classic.ClassicProfile;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.jdbc.JdbcStateStore;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.testing.Child;
import io.tenantctl.testing.CliRun;
import io.tenantctl.testing.ManifestSet;
import io.tenantctl.testing.Postgres;
import io.tenantctl.testing.WorldPair;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared PostgreSQL store under many processes, against a real server the test starts:
 * concurrent appliers lose nothing, a killed lock holder does not block others for long, a server
 * that goes away mid-apply leaves nothing half-written, and {@code state copy} round-trips.
 */
class PostgresIT {

    @TempDir
    Path dir;

    private static JdbcStateStore open(String url) {
        return JdbcStateStore.open(
                url, Clock.systemUTC(), () -> UUID.randomUUID().toString(), Duration.ofSeconds(30));
    }

    private static Process java(Path dir, String mainClass, Path log, String... args) throws IOException {
        String testClasses = Path.of(StressApplier.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                Child.jar().toAbsolutePath() + File.pathSeparator + testClasses,
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    @Test
    @Timeout(1200)
    void eightAppliersOf25AppliesEachLoseNothing() throws Exception {
        String state = Postgres.newDatabase();
        CliRun.Result base = Child.run(
                dir,
                "apply",
                "-f",
                ManifestSet.valid().writeTo(dir.resolve("base")).toString(),
                "--auto-approve",
                "--state",
                state);
        assertThat(base.exitCode()).as(base.toString()).isZero();

        int appliers = 8;
        int rounds = 25;
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < appliers; i++) {
            Path log = dir.resolve("applier-" + i + ".log");
            logs.add(log);
            processes.add(java(
                    dir,
                    StressApplier.class.getName(),
                    log,
                    state,
                    String.valueOf(i),
                    String.valueOf(rounds),
                    dir.resolve("work").toString()));
        }
        for (Process p : processes) {
            assertThat(p.waitFor(900, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        int applyF = 0;
        int savedOk = 0;
        int stale = 0;
        List<Long> revisions = new ArrayList<>();
        for (Path log : logs) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ", 4);
                switch (parts[0]) {
                    case "apply-f" -> {
                        assertThat(parts[1])
                                .as("every apply -f commits: %s", line)
                                .isEqualTo("0");
                        applyF++;
                        revisions.add(Long.parseLong(parts[2]));
                    }
                    case "saved" -> {
                        if (parts[1].equals("0")) {
                            savedOk++;
                            revisions.add(Long.parseLong(parts[2]));
                        } else {
                            assertThat(parts[1])
                                    .as("a saved plan either applies or is stale: %s", line)
                                    .isEqualTo("3");
                            assertThat(parts[3]).contains("error[stale-plan]").contains("make a new plan");
                            stale++;
                        }
                    }
                    case "plan" -> throw new AssertionError("a plan failed: " + line);
                    default -> {
                        // JVM noise
                    }
                }
            }
        }
        assertThat(applyF + savedOk + stale).isEqualTo(appliers * rounds);
        int commits = applyF + savedOk;
        assertThat(revisions).doesNotHaveDuplicates().hasSize(commits);

        JdbcStateStore store = open(state);
        Snapshot last = store.read();
        assertThat(last.revision()).as("one revision per successful apply").isEqualTo(1L + commits);
        List<RevisionRecord> history = new ArrayList<>(store.history(0));
        history.sort(Comparator.comparingLong(RevisionRecord::revision));
        assertThat(history)
                .extracting(RevisionRecord::revision)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 1L + commits).boxed().toList());

        MutableWorld replay = World.empty().toMutable();
        StepRunner runner = new StepRunner(new ClassicProfile());
        for (RevisionRecord r : history) {
            for (var step : r.steps()) {
                PlannedStep planned = StepJson.read(Json.parse(step.json()));
                assertThat(runner.replay(planned, replay))
                        .as("revision %d step %d replays", r.revision(), planned.index())
                        .isEmpty();
            }
        }
        assertThat(replay.snapshot())
                .as("the history replays to the final state")
                .isEqualTo(last.world());
        for (int i = 0; i < appliers; i++) {
            assertThat(last.world().accountNamed("applier-" + i + "-0"))
                    .as("applier %d's first account", i)
                    .isPresent();
        }
        System.out.printf(
                "postgresql stress: %d appliers x %d applies in %.1f s: %d apply -f, %d saved plans applied,"
                        + " %d stale saved plans refused; %.1f committed applies per second%n",
                appliers, rounds, seconds, applyF, savedOk, stale, commits / seconds);
    }

    @Test
    @Timeout(600)
    void aLockHolderKilledWithSigkillReleasesTheLockWithinSeconds() throws Exception {
        String state = Postgres.newDatabase();
        assertThat(Child.run(
                                dir,
                                "apply",
                                "-f",
                                ManifestSet.valid().writeTo(dir.resolve("base")).toString(),
                                "--auto-approve",
                                "--state",
                                state)
                        .exitCode())
                .isZero();

        Path holderLog = dir.resolve("holder.log");
        Process holder = java(dir, LockHolderMain.class.getName(), holderLog, state);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.readString(holderLog).contains("locked") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(holderLog)).contains("locked at revision 1");

        CliRun.Result blocked = Child.run(
                dir,
                "apply",
                "-f",
                ManifestSet.valid().writeTo(dir.resolve("blocked")).toString(),
                "--auto-approve",
                "--state",
                state,
                "--lock-timeout",
                "1s");
        assertThat(blocked.exitCode()).as(blocked.toString()).isEqualTo(3);
        assertThat(blocked.err())
                .contains("error[state-locked]", "doomed-pipeline", "runner-9", String.valueOf(holder.pid()));

        ManifestSet next = ManifestSet.valid();
        next.account("after-the-kill").microsoft("after@outlook.com");
        Child waiting = Child.start(
                dir,
                "apply",
                "-f",
                next.writeTo(dir.resolve("next")).toString(),
                "--auto-approve",
                "--state",
                state,
                "--lock-timeout",
                "60s");
        Thread.sleep(2000);
        assertThat(waiting.isAlive())
                .as("the second applier waits for the lock")
                .isTrue();
        long killed = System.nanoTime();
        holder.destroyForcibly().waitFor();
        CliRun.Result proceeded = waiting.await(60);
        double seconds = (System.nanoTime() - killed) / 1e9;
        assertThat(proceeded.exitCode()).as(proceeded.toString()).isZero();
        assertThat(seconds).as("released within a few seconds").isLessThan(15);
        System.out.printf(
                "postgresql: after kill -9 of the lock holder, the waiting apply committed %.2f s later%n", seconds);
        assertThat(open(state).read().revision()).isEqualTo(2);
    }

    @Test
    @Timeout(900)
    void anApplyKilledMidwayLeavesTheOldOrNewRevisionAndOthersProceed() throws Exception {
        String state = Postgres.newDatabase();
        WorldPair pair = WorldPair.write(dir, 3, 6_000, 0.5);
        World a = pair.a();
        World b = pair.b();
        Path pa = pair.manifestsA();
        Path pb = pair.manifestsB();
        assertThat(Child.run(dir, "apply", "-f", pa.toString(), "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();
        for (int delay : new int[] {1500, 2500, 3500, 4500}) {
            Child doomed =
                    Child.start(dir, "apply", "-f", pb.toString(), "--auto-approve", "--prune", "--state", state);
            Thread.sleep(delay);
            doomed.kill();
            Snapshot after = open(state).read();
            assertThat(after.world()).isIn(a, b);
            if (after.world().equals(b)) {
                break; // the kill came after the commit; the state is complete
            }
            assertThat(after.revision()).isEqualTo(1);
        }
        CliRun.Result other = Child.run(
                dir,
                "apply",
                "-f",
                pb.toString(),
                "--auto-approve",
                "--prune",
                "--state",
                state,
                "--lock-timeout",
                "30s");
        assertThat(other.exitCode()).as(other.toString()).isZero();
        assertThat(open(state).read().world()).isEqualTo(b);
    }

    @Test
    @Timeout(900)
    void theServerStoppedDuringAnApplyIsExit1AndNothingHalfWritten() throws Exception {
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
        int port = server.getPort();
        String state = Postgres.newDatabase(server);
        WorldPair pair = WorldPair.write(dir, 5, 6_000, 0.5);
        World a = pair.a();
        World b = pair.b();
        Path pa = pair.manifestsA();
        Path pb = pair.manifestsB();
        assertThat(Child.run(dir, "apply", "-f", pa.toString(), "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();

        Child apply = Child.start(dir, "apply", "-f", pb.toString(), "--auto-approve", "--prune", "--state", state);
        awaitWriter(server);
        server.close();
        CliRun.Result result = apply.await(120);
        EmbeddedPostgres again = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        try {
            Snapshot after = open(state).read();
            if (result.exitCode() == 0) {
                assertThat(after.world())
                        .as("the apply finished before the server stopped")
                        .isEqualTo(b);
            } else {
                assertThat(result.exitCode()).isEqualTo(1);
                assertThat(result.err()
                                .strip()
                                .lines()
                                .filter(l -> l.startsWith("error"))
                                .count())
                        .isEqualTo(1);
                assertThat(result.err()).contains("error[state]").doesNotContain("\tat ");
                assertThat(after.revision()).isEqualTo(1);
                assertThat(after.world()).isEqualTo(a);
            }
            System.out.println("postgresql stopped mid-apply: exit " + result.exitCode() + ": "
                    + result.err()
                            .lines()
                            .filter(l -> l.startsWith("error"))
                            .findFirst()
                            .orElse(""));
        } finally {
            again.close();
        }
    }

    /** Waits until an apply holds the write lock (its application name shows in pg_stat_activity). */
    private static void awaitWriter(EmbeddedPostgres server) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        try (Connection c = server.getPostgresDatabase().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE application_name LIKE 'tenantctl|%' AND xact_start IS NOT NULL")) {
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("no apply took the lock within a minute");
    }

    @Test
    @Timeout(300)
    void stateCopyRoundTripsEmbeddedToPostgresqlAndBack() throws Exception {
        String sqlite = "sqlite:" + dir.resolve("origin.db");
        assertThat(Child.run(
                                dir,
                                "apply",
                                "-f",
                                Path.of("manifests/examples/seed/before")
                                        .toAbsolutePath()
                                        .toString(),
                                "--auto-approve",
                                "--state",
                                sqlite)
                        .exitCode())
                .isZero();
        assertThat(Child.run(
                                dir,
                                "apply",
                                "-f",
                                Path.of("manifests/examples/seed/after")
                                        .toAbsolutePath()
                                        .toString(),
                                "--auto-approve",
                                "--state",
                                sqlite)
                        .exitCode())
                .isZero();
        String pg = Postgres.newDatabase();
        String back = "sqlite:" + dir.resolve("back.db");

        CliRun.Result there = Child.run(dir, "state", "copy", "--from", sqlite, "--to", pg);
        assertThat(there.exitCode()).as(there.toString()).isZero();
        CliRun.Result refused = Child.run(dir, "state", "copy", "--from", sqlite, "--to", pg);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("not empty").contains("--force");
        CliRun.Result home = Child.run(dir, "state", "copy", "--from", pg, "--to", back);
        assertThat(home.exitCode()).as(home.toString()).isZero();

        String origin = open(sqlite).dump().digest();
        assertThat(open(pg).dump().digest()).isEqualTo(origin);
        assertThat(open(back).dump().digest()).isEqualTo(origin);
        assertThat(there.out()).contains(origin);
        CliRun.Result plan = Child.run(
                dir,
                "plan",
                "-f",
                Path.of("manifests/examples/seed/after").toAbsolutePath().toString(),
                "--state",
                back,
                "--detailed-exitcode");
        assertThat(plan.exitCode()).as("the copy is a working state").isZero();
    }
}
