package io.tenantctl.engine;

import io.tenantctl.diff.Change;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.step.PlannedStep;
import java.util.List;

/**
 * What one applied revision changed ({@code history show REV}): its record, its steps as they were
 * applied, and per object the difference between the revision before it and this one.
 */
public record RevisionChanges(RevisionRecord revision, List<PlannedStep> steps, List<Change> changes) {

    public RevisionChanges {
        steps = List.copyOf(steps);
        changes = List.copyOf(changes);
    }
}
