package io.tenantctl.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantctl.generate.WorldGenerator;
import io.tenantctl.state.jdbc.JdbcStateStore;
import io.tenantctl.testing.Backend;
import io.tenantctl.world.World;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What every dialect of the state store must do, checked against SQLite and a real PostgreSQL. */
@ParameterizedClass
@EnumSource(Backend.class)
class StateStoreContractTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    String url;

    @BeforeEach
    void newStore() {
        url = backend.newState(dir);
    }

    private JdbcStateStore open() {
        return JdbcStateStore.open(
                url, Clock.systemUTC(), () -> UUID.randomUUID().toString(), Duration.ofSeconds(30));
    }

    private static LockHolder me(String who) {
        return new LockHolder(who, "host-" + who, 1000, Instant.parse("2026-01-02T03:04:05Z"));
    }

    private static Commit commit(Snapshot base, World world) {
        RevisionRecord record = new RevisionRecord(
                base.revision() + 1,
                Instant.parse("2026-01-02T03:04:05Z"),
                List.of(),
                List.of(),
                Map.of("create", world.size()),
                "sha256:test",
                Map.of("paths", "test"),
                "default",
                List.of());
        return new Commit(world, "default", "paths=test", Set.of(), record);
    }

    @Test
    void aNewStoreIsEmptyAtRevisionZeroWithALineage() {
        Snapshot snapshot = open().read();
        assertThat(snapshot.revision()).isZero();
        assertThat(snapshot.world().size()).isZero();
        assertThat(snapshot.lineage()).hasSize(36);
        assertThat(open().read().lineage())
                .as("the lineage is the store's, not the process's")
                .isEqualTo(snapshot.lineage());
    }

    @Test
    void aCommitWritesEverythingAndARollbackNothing() {
        World world = new WorldGenerator(1).generate(300);
        JdbcStateStore store = open();
        store.write(Duration.ofSeconds(5), me("a"), tx -> {
            tx.commit(commit(tx.snapshot(), world));
            return null;
        });
        assertThat(store.read().world()).isEqualTo(world);
        assertThat(store.read().revision()).isEqualTo(1);

        assertThatThrownBy(() -> store.write(Duration.ofSeconds(5), me("a"), tx -> {
                    throw new IllegalStateException("the work failed half-way");
                }))
                .hasMessageContaining("half-way");
        store.write(Duration.ofSeconds(5), me("a"), tx -> null);
        assertThat(store.read().revision()).isEqualTo(1);
        assertThat(store.history(0)).hasSize(1);
    }

    @Test
    void aSecondWriterWaitsThenGivesUpNamingTheHolder() throws Exception {
        JdbcStateStore store = open();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> holder = pool.submit(() -> store.write(Duration.ofSeconds(5), me("first"), tx -> {
            locked.countDown();
            await(release);
            return null;
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        assertThatThrownBy(() -> open().write(Duration.ofMillis(800), me("second"), tx -> null))
                .isInstanceOf(StateLockedException.class)
                .hasMessageContaining("locked by another apply")
                .hasMessageContaining("first on host-first")
                .hasMessageContaining("800ms");
        assertThat((System.nanoTime() - start) / 1e6)
                .as("it waited for the lock")
                .isGreaterThan(700);
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        open().write(Duration.ofSeconds(5), me("second"), tx -> null);
    }

    @Test
    void storesUsedForTheFirstTimeByManyProcessesAtOnceMigrateOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<String>> openers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            openers.add(() -> open().read().lineage());
        }
        List<String> lineages = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(openers)) {
            lineages.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(lineages).as("one store, one lineage").containsOnly(lineages.get(0));
    }

    @Test
    void aDumpRestoresIntoAnotherStoreWithTheSameDigest() {
        World world = new WorldGenerator(2).generate(200);
        JdbcStateStore source = open();
        source.write(Duration.ofSeconds(5), me("a"), tx -> {
            tx.commit(commit(tx.snapshot(), world));
            return null;
        });
        StateDump dump = source.dump();
        JdbcStateStore target = JdbcStateStore.open(
                "sqlite:" + dir.resolve("copy.db"), Clock.systemUTC(), () -> "other", Duration.ofSeconds(5));
        target.restore(dump, false, Duration.ofSeconds(5), me("copy"));
        assertThat(target.dump().digest()).isEqualTo(dump.digest());
        assertThat(target.read().lineage()).isEqualTo(source.read().lineage());
        assertThatThrownBy(() -> target.restore(dump, false, Duration.ofSeconds(5), me("copy")))
                .hasMessageContaining("not empty");
    }

    @Test
    void openingAnExistingStoreRefusesOneThatWasNeverCreatedAndCreatesNothing() {
        assertThatThrownBy(
                        () -> JdbcStateStore.openExisting(url, Clock.systemUTC(), () -> "new", Duration.ofSeconds(5)))
                .isInstanceOf(StateException.class)
                .hasMessageStartingWith("no state at ");
        assertThatThrownBy(
                        () -> JdbcStateStore.openExisting(url, Clock.systemUTC(), () -> "new", Duration.ofSeconds(5)))
                .as("the refusal left nothing behind that a second attempt would take for a state")
                .hasMessageStartingWith("no state at ");
        String lineage = open().read().lineage();
        try (JdbcStateStore existing =
                JdbcStateStore.openExisting(url, Clock.systemUTC(), () -> "new", Duration.ofSeconds(5))) {
            assertThat(existing.read().lineage()).isEqualTo(lineage);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
