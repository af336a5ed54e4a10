package io.tenantctl.provider;

import io.tenantctl.step.ExternalAction;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.WorldView;
import java.util.List;
import java.util.Optional;

/**
 * How a live provider performs a plan's steps: the requests of each, and the read that shows it
 * took effect. The live applier journals around these calls; a performer keeps nothing between
 * them, so that a step can be checked and performed again by another process after a crash.
 */
public interface Performer {

    /** The provider's name, as {@code --provider} takes it and the journal records it. */
    String name();

    /**
     * Whether this provider can take the step: by its requests, or, for a step someone outside
     * tenantctl must do ({@link #outside}), by reading whether it was done.
     */
    boolean supports(PlannedStep step);

    /**
     * What someone outside tenantctl must do for a step no request performs (redeem an invitation,
     * accept a change of directory); empty for a step the provider performs. The applier stops
     * before such a step until a read shows it done.
     */
    Optional<ExternalAction> outside(PlannedStep step);

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
