package io.tenantctl.profile;

import io.tenantctl.diff.ChangeSet;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.Refusal;
import io.tenantctl.step.Step;
import io.tenantctl.world.WorldView;
import java.util.List;
import java.util.Optional;

/** What must hold before a step can run, whoever does it. */
public interface Preconditions {

    /** Why the step cannot run now regardless of who does it, if so. */
    Optional<Refusal> check(Step step, WorldView world);

    /**
     * What the changes ask for that no order of steps could ever do, found on the desired world
     * before any step is planned (a tenant deleted while a subscription still trusts it), located
     * at what the user can change. The same condition refuses the step in {@link #check}.
     */
    List<Violation> ofChanges(ChangeSet changes);
}
