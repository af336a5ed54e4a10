package io.tenantctl.provider;

import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.WorldView;
import java.util.List;

/**
 * How a live provider performs a plan's steps: the requests of each, and the read that shows it
 * took effect. The live applier journals around these calls; a performer keeps nothing between
 * them, so that a step can be checked and performed again by another process after a crash.
 */
public interface Performer {

    /** The provider's name, as {@code --provider} takes it and the journal records it. */
    String name();

    /** Whether requests perform this step (a step none performs is for someone outside tenantctl). */
    boolean supports(PlannedStep step);

    /**
     * Sends the step's requests. {@code before} is the world before the step (where a tenant's
     * domains and an account's home are looked up).
     *
     * @return the service's ids of the requests sent
     */
    List<String> perform(PlannedStep step, WorldView before) throws StepFailure;

    /**
     * Whether a read shows the step's effect. With {@code wait}, reads again with doubling pauses
     * for as long as the provider allows replication to take (a new object may answer 404 for a
     * while); without, reads once.
     */
    boolean confirmed(PlannedStep step, WorldView before, boolean wait) throws StepFailure;
}
