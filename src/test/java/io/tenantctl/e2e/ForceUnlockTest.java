package io.tenantctl.e2e;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantctl.state.LockHolder;
import io.tenantctl.state.jdbc.JdbcStateStore;
import io.tenantctl.testing.Backend;
import io.tenantctl.testing.CliRun.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code force-unlock} against a holder of the write lock in this JVM: it names the holder, asks,
 * and on PostgreSQL ends the holder's session, whose transaction then commits nothing; on SQLite
 * it refuses a holder it cannot stop from here. (A real apply left waiting at its question, in
 * another process, is stopped in {@code TerminalIT}.)
 */
class ForceUnlockTest extends OnEachBackend {

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final CountDownLatch locked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void aState() {
        Result applied = cli().run("apply", "-f", "manifests/examples/seed/before", "--auto-approve", "--state", state);
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
    }

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    /** Holds the write lock as {@code holder} until released; the future fails if the hold was broken. */
    private Future<?> hold(LockHolder holder) throws InterruptedException {
        JdbcStateStore store = JdbcStateStore.open(
                state, Clock.systemUTC(), () -> UUID.randomUUID().toString(), Duration.ofSeconds(5));
        Future<?> held = pool.submit(() -> store.write(Duration.ofSeconds(5), holder, tx -> {
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).as("the lock was taken").isTrue();
        return held;
    }

    private Result forceUnlock(String answer) {
        return cli().interactive().stdin(answer).run("force-unlock", "--state", state);
    }

    @Test
    void nothingToDoWhenNobodyHoldsTheLock() {
        Result free = cli().run("force-unlock", "--yes", "--state", state);
        assertThat(free.exitCode()).as(free.toString()).isZero();
        assertThat(free.out()).endsWith("is not locked; nothing to do.\n");
        Result script = cli().run("force-unlock", "--state", state);
        assertThat(script.exitCode()).as("no terminal to ask on").isEqualTo(1);
        assertThat(script.err()).contains("pass --yes");
    }

    @Test
    void onPostgresqlTheHoldersSessionIsEndedAfterConfirmation() throws Exception {
        assumeTrue(backend == Backend.POSTGRESQL);
        LockHolder holder = new LockHolder("jdoe", "build-7", 4242, Instant.now());
        Future<?> held = hold(holder);

        Result declined = forceUnlock("no\n");
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(declined.out())
                .contains("is locked by jdoe on build-7 (pid 4242) since ")
                .contains("Release the lock? Only 'yes' will be accepted: ")
                .endsWith("Not released; nothing was changed.\n");
        Result waiting = cli().run(
                        "apply",
                        "-f",
                        "manifests/examples/seed/after",
                        "--auto-approve",
                        "--lock-timeout",
                        "500ms",
                        "--state",
                        state);
        assertThat(waiting.exitCode()).as("still locked").isEqualTo(3);

        Result released = forceUnlock("yes\n");
        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(released.out()).contains("Released the lock of the state at").contains("jdoe on build-7");

        release.countDown();
        assertThat(held).as("the holder's transaction was ended under it").failsWithin(Duration.ofSeconds(30));
        Result apply = cli().run(
                        "apply",
                        "-f",
                        "manifests/examples/seed/after",
                        "--auto-approve",
                        "--lock-timeout",
                        "5s",
                        "--state",
                        state);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("Apply complete! Revision 2");
    }

    @Test
    void onSqliteAHolderOnAnotherMachineIsNamedAndRefused() throws Exception {
        assumeTrue(backend == Backend.SQLITE);
        Future<?> held = hold(new LockHolder("jdoe", "laptop-of-jdoe", 4242, Instant.now()));

        Result refused = cli().run("force-unlock", "--yes", "--state", state);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out()).contains("is locked by jdoe on laptop-of-jdoe (pid 4242)");
        assertThat(refused.err())
                .contains("error[state-locked]: cannot release the lock")
                .contains("the holder runs on laptop-of-jdoe, not on this machine");
        release.countDown();
        held.get(30, TimeUnit.SECONDS);
    }

    @Test
    void onSqliteThisProcessIsNeverStopped() throws Exception {
        assumeTrue(backend == Backend.SQLITE);
        Future<?> held = hold(LockHolder.thisProcess("me", Instant.now()));

        Result refused = cli().run("force-unlock", "--yes", "--state", state);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("the holder is this process");
        release.countDown();
        held.get(30, TimeUnit.SECONDS);
    }
}
