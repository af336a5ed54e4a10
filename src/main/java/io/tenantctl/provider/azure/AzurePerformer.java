package io.tenantctl.provider.azure;

import io.tenantctl.provider.Performer;
import io.tenantctl.provider.StepFailure;
import io.tenantctl.step.ExternalAction;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.WorldView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Performs steps on the connected tenants, and reads until each shows its effect: Graph is
 * eventually consistent (a user just made may answer 404 "for several minutes", the support
 * article on Graph's 404s says, whose fix is to wait, retry, and double the wait), so a read that
 * does not show it yet is repeated with doubling pauses, 1 s then 2, 4, ... up to
 * {@link #REPLICATION_WAITS} pauses (about a minute), before the step is called failed.
 */
public final class AzurePerformer implements Performer {

    public static final String NAME = "azure";

    /** How many pauses a read-after-write makes at most, the first of {@link #FIRST_PAUSE}, each twice the last. */
    static final int REPLICATION_WAITS = 6;

    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    private final AzureTenants tenants;
    private final DirectorySteps directory;
    private final AccessSteps access;

    public AzurePerformer(AzureTenants tenants) {
        this.tenants = tenants;
        this.directory = new DirectorySteps(tenants);
        this.access = new AccessSteps(tenants);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(PlannedStep step) {
        String op = step.step().op().wireName();
        return DirectorySteps.OPERATIONS.contains(op)
                || AccessSteps.OPERATIONS.contains(op)
                || AccessSteps.OUTSIDE.contains(op);
    }

    @Override
    public Optional<ExternalAction> outside(PlannedStep step) {
        return AccessSteps.OUTSIDE.contains(step.step().op().wireName())
                ? Optional.of(AccessSteps.outside(step.step()))
                : Optional.empty();
    }

    @Override
    public List<String> perform(PlannedStep step, WorldView before) throws StepFailure {
        return DirectorySteps.OPERATIONS.contains(step.step().op().wireName())
                ? directory.perform(step, before)
                : access.perform(step, before);
    }

    private boolean observed(PlannedStep step, WorldView before) throws StepFailure {
        return DirectorySteps.OPERATIONS.contains(step.step().op().wireName())
                ? directory.observed(step, before)
                : access.observed(step, before);
    }

    @Override
    public boolean confirmed(PlannedStep step, WorldView before, boolean wait) throws StepFailure {
        Duration pause = FIRST_PAUSE;
        for (int waited = 0; ; waited++) {
            if (observed(step, before)) {
                return true;
            }
            if (!wait || waited == REPLICATION_WAITS) {
                return false;
            }
            try {
                tenants.sleeper().sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailure(
                        "interrupted while waiting for replication", "interrupted", Optional.empty(), List.of());
            }
            pause = pause.multipliedBy(2);
        }
    }
}
