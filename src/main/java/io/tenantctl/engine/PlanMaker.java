package io.tenantctl.engine;

import io.tenantctl.diag.Diagnostics;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.diff.Differ;
import io.tenantctl.plan.Base;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.Planner;
import io.tenantctl.plan.Schedule;
import io.tenantctl.plan.Summary;
import io.tenantctl.profile.Profile;
import io.tenantctl.rules.Violation;
import io.tenantctl.state.Snapshot;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.validate.DesiredState;
import io.tenantctl.validate.ManifestValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes a plan from validated manifests and a snapshot of the state: diff, the rules on the
 * desired world, then the schedule. Every problem found on the way ends up, located, in the
 * plan's diagnostics; a plan with errors has no steps.
 */
final class PlanMaker {

    private final Profile profile;
    private final Planner planner;

    PlanMaker(Profile profile) {
        this.profile = profile;
        this.planner = new Planner(profile);
    }

    Plan make(Validation validation, Snapshot state, PlanOptions options, Consumer<PlannedStep> progress) {
        Base base = new Base(state.lineage(), state.revision());
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.addAll(validation.diagnostics());
        DesiredState desired = validation.desired();
        if (diagnostics.hasErrors()) {
            return failed(base, options, Summary.NONE, null, diagnostics);
        }
        Differ.Result diff = new Differ().diff(desired.objects(), state.world(), object -> options.prune());
        ChangeSet changes = diff.changeSet();
        List<Violation> violations = new ArrayList<>(diff.violations());
        violations.addAll(profile.rules().checkAll(changes.desired()));
        diagnostics.addAll(ManifestValidator.locate(violations, desired));
        if (diagnostics.hasErrors()) {
            return failed(base, options, Summary.of(changes), changes, diagnostics);
        }
        Schedule schedule = planner.schedule(state.world(), changes, options.as(), progress);
        if (!schedule.complete()) {
            diagnostics.addAll(ManifestValidator.locate(schedule.blocked(), desired));
            return failed(base, options, Summary.of(changes), changes, diagnostics);
        }
        return new Plan(base, profile.name(), options.as(), options.source(), Summary.of(changes), changes.changes(),
                schedule.steps(), diagnostics.sorted());
    }

    private Plan failed(Base base, PlanOptions options, Summary summary, ChangeSet changes, Diagnostics diagnostics) {
        return new Plan(base, profile.name(), options.as(), options.source(), summary,
                changes == null ? List.of() : changes.changes(), List.of(), diagnostics.sorted());
    }
}
