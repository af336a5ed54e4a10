package io.tenantctl.engine;

import static io.tenantctl.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantctl.diag.Codes;
import io.tenantctl.profile.Profiles;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.StateException;
import io.tenantctl.state.StateStore;
import io.tenantctl.testing.CliRun.Result;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state of an apply when none exists: nothing is created before the first write, and a write
 * after another apply created the state meanwhile is refused as stale (the plan was made against
 * an empty state that is no longer empty), leaving that apply's state as it was.
 */
class DeferredStateTest {

    @TempDir
    Path dir;

    private final Engine engine = new Engine(
            Profiles.named("classic").orElseThrow(),
            () -> new ByteArrayInputStream(new byte[0]),
            Clock.systemUTC(),
            () -> "00000000-0000-4000-8000-000000000002");

    private static final LockHolder ME = LockHolder.thisProcess("test", Instant.EPOCH);

    @Test
    void aWriteAfterAnotherApplyCreatedTheStateIsRefusedAsStale() {
        String url = "sqlite:" + dir.resolve("state.db");
        try (StateStore deferred = engine.openStoreForApply(url, Duration.ofSeconds(10))) {
            assertThat(deferred.exists()).isFalse();
            assertThat(deferred.read().revision()).isZero();
            assertThat(dir.resolve("state.db")).doesNotExist();

            Result other = cli().run("apply", "-f", "manifests/examples/seed/before", "--auto-approve", "--state", url);
            assertThat(other.exitCode()).as(other.toString()).isZero();

            assertThatThrownBy(() -> deferred.write(Duration.ofSeconds(10), ME, tx -> {
                        assertThat(tx.snapshot().revision())
                                .as("planned against the empty state")
                                .isZero();
                        tx.commitActions(List.of());
                        return null;
                    }))
                    .isInstanceOf(StateException.class)
                    .hasMessageContaining("another apply created it since (it is at revision 1); plan again")
                    .extracting(e -> ((StateException) e).code())
                    .isEqualTo(Codes.STALE_PLAN);
        }
        Result plan = cli().run("plan", "-f", "manifests/examples/seed/before", "--state", url);
        assertThat(plan.out()).as(plan.toString()).contains(", revision 1.\n").contains("No changes.");
    }
}
