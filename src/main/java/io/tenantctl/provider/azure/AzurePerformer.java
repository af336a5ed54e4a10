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
    private final DomainVerification domains;
    private final ElevationSteps elevation;
    private final PersonSteps people;

    public AzurePerformer(AzureTenants tenants) {
        this.tenants = tenants;
        this.directory = new DirectorySteps(tenants);
        this.access = new AccessSteps(tenants);
        this.domains = new DomainVerification(tenants);
        this.elevation = new ElevationSteps(tenants);
        this.people = new PersonSteps(tenants);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(PlannedStep step) {
        String op = op(step);
        return DirectorySteps.OPERATIONS.contains(op)
                || AccessSteps.OPERATIONS.contains(op)
                || AccessSteps.OUTSIDE.contains(op)
                || ElevationSteps.OPERATIONS.contains(op)
                || PersonSteps.OPERATIONS.contains(op)
                || op.equals(DomainVerification.OPERATION);
    }

    @Override
    public Optional<ExternalAction> outside(PlannedStep step) {
        String op = op(step);
        if (AccessSteps.OUTSIDE.contains(op)) {
            return Optional.of(AccessSteps.outside(step.step()));
        }
        if (PersonSteps.OPERATIONS.contains(op)) {
            return Optional.of(PersonSteps.action(step.step()));
        }
        if (op.equals(DomainVerification.OPERATION)) {
            return Optional.of(domains.action(step.step()));
        }
        return elevation.outside(step.step());
    }

    @Override
    public List<String> perform(PlannedStep step, WorldView before) throws StepFailure {
        String op = op(step);
        if (DirectorySteps.OPERATIONS.contains(op)) {
            return directory.perform(step, before);
        }
        return ElevationSteps.OPERATIONS.contains(op) ? elevation.perform(step.step()) : access.perform(step, before);
    }

    private boolean observed(PlannedStep step, WorldView before) throws StepFailure {
        String op = op(step);
        if (DirectorySteps.OPERATIONS.contains(op)) {
            return directory.observed(step, before);
        }
        if (ElevationSteps.OPERATIONS.contains(op)) {
            return elevation.observed(step.step());
        }
        if (PersonSteps.OPERATIONS.contains(op)) {
            return people.observed(step.step());
        }
        return access.observed(step, before);
    }

    private static String op(PlannedStep step) {
        return step.step().op().wireName();
    }

    /**
     * A domain is verified when a read shows it; if not yet, Graph is asked to verify it, and once
     * it has, read until the read shows it too. Graph not finding the DNS record leaves the step
     * to the person who publishes it.
     */
    private boolean verified(PlannedStep step) throws StepFailure {
        if (domains.verified(step.step())) {
            return true;
        }
        return domains.verify(step.step()) && awaited(() -> domains.verified(step.step()), true);
    }

    @Override
    public boolean confirmed(PlannedStep step, WorldView before, boolean wait) throws StepFailure {
        if (op(step).equals(DomainVerification.OPERATION)) {
            return verified(step);
        }
        return awaited(() -> observed(step, before), wait);
    }

    /** A read that may show a step's effect. */
    @FunctionalInterface
    private interface Read {
        boolean shows() throws StepFailure;
    }

    /** Reads once, or with {@code wait} again after doubling pauses, until the read shows the effect. */
    private boolean awaited(Read read, boolean wait) throws StepFailure {
        Duration pause = FIRST_PAUSE;
        for (int waited = 0; ; waited++) {
            if (read.shows()) {
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
