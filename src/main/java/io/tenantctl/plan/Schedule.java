package io.tenantctl.plan;

import io.tenantctl.rules.Violation;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.World;
import java.util.List;

/**
 * The outcome of scheduling: the steps in order, the world they lead to (proven step by step on
 * the world the plan was made from), and the steps that could not be placed, each as a violation
 * that says why (once per root cause, with what would unblock it when the planner found that).
 *
 * @param temporaryGrants how many temporary grants the steps give and take back
 */
public record Schedule(List<PlannedStep> steps, World result, List<Violation> blocked, int temporaryGrants) {

    public Schedule {
        steps = List.copyOf(steps);
        blocked = List.copyOf(blocked);
    }

    public Schedule(List<PlannedStep> steps, World result, List<Violation> blocked) {
        this(steps, result, blocked, 0);
    }

    public boolean complete() {
        return blocked.isEmpty();
    }
}
