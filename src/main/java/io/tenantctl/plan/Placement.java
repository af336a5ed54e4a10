package io.tenantctl.plan;

import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * A step placed by the scheduler: which pending step, the step as bound to its actor (what was
 * done), and as the plan shows it (its index is given at the end).
 */
record Placement(Pending pending, Step bound, PlannedStep step) {

    /** The steps numbered from 1 in this order. */
    static List<PlannedStep> numbered(List<Placement> placements) {
        List<PlannedStep> out = new ArrayList<>(placements.size());
        for (Placement p : placements) {
            out.add(p.step().at(out.size() + 1));
        }
        return out;
    }
}
