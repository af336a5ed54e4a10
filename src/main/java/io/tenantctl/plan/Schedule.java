package io.tenantctl.plan;

import io.tenantctl.rules.Violation;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.World;
import java.util.List;

/**
 * The outcome of scheduling: the steps in order, the world they lead to (proven step by step on
 * the world the plan was made from), and the steps that could not be placed, each as a violation
 * that says why.
 */
public record Schedule(List<PlannedStep> steps, World result, List<Violation> blocked) {

    public Schedule {
        steps = List.copyOf(steps);
        blocked = List.copyOf(blocked);
    }

    public boolean complete() {
        return blocked.isEmpty();
    }
}
