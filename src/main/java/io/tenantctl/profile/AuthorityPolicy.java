package io.tenantctl.profile;

import io.tenantctl.step.Authority;
import io.tenantctl.step.Step;
import io.tenantctl.world.WorldView;
import java.util.List;

/** Who may do a step at a given point of a plan. */
public interface AuthorityPolicy {

    /**
     * Who may do the step now, in words, and the accounts that hold the authority in the order the
     * profile prefers them as actor (the first that may act is named in the plan).
     */
    Authority of(Step step, WorldView world);

    /**
     * The roles that, given to the account now, would let it do the step (each with the step that
     * takes it back), for {@code --allow-temporary-grants} and for suggestions when no order
     * exists. Empty when no role would, or the account holds them already.
     *
     * @param desired the world the plan must reach, which says what a role is taken back to
     */
    List<TemporaryGrant> temporaryGrants(Step step, String account, WorldView world, WorldView desired);
}
