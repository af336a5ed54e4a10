package io.tenantctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.state.LockHolder;
import io.tenantctl.state.jdbc.JdbcStateStore;
import io.tenantctl.testing.Child;
import io.tenantctl.testing.CliRun;
import io.tenantctl.testing.ManifestSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two processes applying against one SQLite file: the second waits for the first, nothing is lost. */
class ConcurrentAppliersIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void twoAppliesAtOnceBothCommitOneAfterTheOther() throws Exception {
        String state = "sqlite:" + dir.resolve("state.db");
        Path base = ManifestSet.valid().writeTo(dir.resolve("base"));
        assertThat(Child.run(dir, "apply", "-f", base.toString(), "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();

        ManifestSet one = ManifestSet.valid();
        one.account("extra-one").microsoft("one@outlook.com");
        ManifestSet two = ManifestSet.valid();
        two.account("extra-two").microsoft("two@outlook.com");
        Child first = Child.start(
                dir, "apply", "-f", one.writeTo(dir.resolve("one")).toString(), "--auto-approve", "--state", state);
        Child second = Child.start(
                dir, "apply", "-f", two.writeTo(dir.resolve("two")).toString(), "--auto-approve", "--state", state);
        CliRun.Result r1 = first.await(120);
        CliRun.Result r2 = second.await(120);

        assertThat(r1.exitCode()).as(r1.toString()).isZero();
        assertThat(r2.exitCode()).as(r2.toString()).isZero();
        CliRun.Result get = Child.run(dir, "get", "accounts", "--state", state);
        assertThat(get.out()).contains("one@outlook.com", "two@outlook.com");
        CliRun.Result history = Child.run(dir, "history", "--state", state);
        assertThat(history.out()).contains("\n3 ").contains("\n2 ").contains("\n1 ");
    }

    @Test
    @Timeout(300)
    void anApplyThatCannotGetTheLockInTimeExits3NamingTheHolder() throws Exception {
        String state = "sqlite:" + dir.resolve("state.db");
        Path base = ManifestSet.valid().writeTo(dir.resolve("base"));
        assertThat(Child.run(dir, "apply", "-f", base.toString(), "--auto-approve", "--state", state)
                        .exitCode())
                .isZero();

        JdbcStateStore store = JdbcStateStore.open(
                state, Clock.systemUTC(), () -> UUID.randomUUID().toString(), Duration.ofSeconds(10));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> store.write(
                Duration.ofSeconds(10),
                new LockHolder("pipeline-7", "ci-runner-3", 4242, Instant.parse("2026-01-02T03:04:05Z")),
                tx -> {
                    locked.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
        holder.start();
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            ManifestSet more = ManifestSet.valid();
            more.account("extra").microsoft("extra@outlook.com");
            CliRun.Result blocked = Child.run(
                    dir,
                    "apply",
                    "-f",
                    more.writeTo(dir.resolve("more")).toString(),
                    "--auto-approve",
                    "--lock-timeout",
                    "2s",
                    "--state",
                    state);
            assertThat(blocked.exitCode()).as(blocked.toString()).isEqualTo(3);
            assertThat(blocked.err())
                    .contains("error[state-locked]", "pipeline-7", "ci-runner-3", "4242", "2026-01-02T03:04:05Z", "2s");
        } finally {
            release.countDown();
            holder.join();
        }
        CliRun.Result history = Child.run(dir, "history", "--state", state);
        assertThat(history.out()).doesNotContain("\n2 ");
    }
}
