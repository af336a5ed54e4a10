package io.tenantctl.provider.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantctl.state.Journal;
import io.tenantctl.state.JournalRun;
import io.tenantctl.state.JournalStep;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.StateLockedException;
import io.tenantctl.state.StateStore;
import io.tenantctl.state.jdbc.JdbcStateStore;
import io.tenantctl.testing.Backend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The write-ahead journal of live applies on both dialects: records, the unfinished run, the lease. */
@ParameterizedClass
@EnumSource(Backend.class)
class JournalTest {

    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    String url;
    StateStore store;
    LockHolder me = LockHolder.thisProcess("ops@contoso.com", T0);

    @BeforeEach
    void open() {
        url = backend.newState(dir);
        store = JdbcStateStore.open(url, Clock.systemUTC(), () -> "lineage-1", Duration.ofSeconds(10));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRunThatNeverEndedIsUnfinishedWithEachStepWhereItGotTo() {
        Journal journal = store.journal();
        assertThat(journal.unfinished()).isEmpty();

        JournalRun run = journal.begin("sha256:abc", "{\"steps\":[]}", "azure", me, T0);
        journal.started(run.id(), 1, "AddGlobalAdmin", "Tenant/contoso", T0);
        journal.done(run.id(), 1, List.of("req-1", "req-2"), T0.plusSeconds(1));
        journal.started(run.id(), 2, "CreateAccount", "Account/john-doe", T0.plusSeconds(2));

        JournalRun found = store.journal().unfinished().orElseThrow();
        assertThat(found.id()).isEqualTo(run.id());
        assertThat(found.digest()).isEqualTo("sha256:abc");
        assertThat(found.plan()).isEqualTo("{\"steps\":[]}");
        assertThat(found.holder()).startsWith("ops@contoso.com on ");
        assertThat(found.step(1))
                .contains(new JournalStep(
                        1,
                        "AddGlobalAdmin",
                        "Tenant/contoso",
                        JournalStep.Status.DONE,
                        List.of("req-1", "req-2"),
                        Optional.empty()));
        assertThat(found.step(2).orElseThrow().status()).isEqualTo(JournalStep.Status.STARTED);
        assertThat(found.step(3)).isEmpty();
    }

    @Test
    void aStepStartedAgainAfterACrashKeepsOneRowAndAnEndedRunIsNoLongerUnfinished() {
        Journal journal = store.journal();
        JournalRun run = journal.begin("sha256:abc", "{}", "azure", me, T0);
        journal.started(run.id(), 1, "AddDomain", "Tenant/contoso", T0);
        journal.started(run.id(), 1, "AddDomain", "Tenant/contoso", T0.plusSeconds(5));
        journal.failed(run.id(), 1, List.of("r"), "Request_BadRequest (request id r)", T0.plusSeconds(6));

        JournalStep step = journal.unfinished().orElseThrow().step(1).orElseThrow();
        assertThat(step.status()).isEqualTo(JournalStep.Status.FAILED);
        assertThat(step.error()).contains("Request_BadRequest (request id r)");

        journal.end(run.id(), "failed", T0.plusSeconds(7));
        assertThat(journal.unfinished()).isEmpty();
        JournalRun next = journal.begin("sha256:def", "{}", "azure", me, T0.plusSeconds(8));
        assertThat(next.id()).isEqualTo(run.id() + 1);
    }

    @Test
    void aStepNeverStartedCannotBeDone() {
        JournalRun run = store.journal().begin("sha256:abc", "{}", "azure", me, T0);
        assertThatThrownBy(() -> store.journal().done(run.id(), 4, List.of(), T0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneLiveApplyAtATimeAndTheNextGetsInOnceTheFirstLetsGo() {
        try (StateStore other = JdbcStateStore.open(url, Clock.systemUTC(), () -> "x", Duration.ofSeconds(10))) {
            Journal.Lease first = store.journal().lease(Duration.ofSeconds(1), me);
            if (backend == Backend.SQLITE) {
                // One process cannot hold an operating-system file lock twice: the second taker in it
                // is refused at once, as one in another process would be after the wait.
                assertThatThrownBy(() -> other.journal().lease(Duration.ofMillis(300), me))
                        .isInstanceOf(StateLockedException.class)
                        .hasMessageContaining("another live apply is running")
                        .hasMessageContaining("ops@contoso.com");
            } else {
                assertThatThrownBy(() -> other.journal().lease(Duration.ofMillis(300), me))
                        .isInstanceOf(StateLockedException.class)
                        .hasMessageContaining("another live apply is running");
            }
            first.close();
            other.journal().lease(Duration.ofSeconds(1), me).close();
        }
    }
}
