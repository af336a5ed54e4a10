package io.tenantctl.profile;

import io.tenantctl.step.Authority;
import io.tenantctl.step.Step;
import io.tenantctl.world.WorldView;

/** Who may do a step at a given point of a plan. */
public interface AuthorityPolicy {

    /**
     * Who may do the step now, in words, and the accounts that hold the authority in the order the
     * profile prefers them as actor (the first that may act is named in the plan).
     */
    Authority of(Step step, WorldView world);
}
