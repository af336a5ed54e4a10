package io.tenantctl.plan;

import io.tenantctl.rules.Violation;
import io.tenantctl.step.PlannedStep;
import java.util.List;

/**
 * The outcome of scheduling: the steps in order, and the steps that could not be placed, each as
 * a violation that says why.
 */
public record Schedule(List<PlannedStep> steps, List<Violation> blocked) {

    public Schedule {
        steps = List.copyOf(steps);
        blocked = List.copyOf(blocked);
    }

    public boolean complete() {
        return blocked.isEmpty();
    }
}
