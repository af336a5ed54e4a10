package io.tenantctl.engine;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostics;
import io.tenantctl.diag.Progress;
import io.tenantctl.diag.Severity;
import io.tenantctl.diag.Silenced;
import io.tenantctl.diag.Timings;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.diff.Differ;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.plan.Base;
import io.tenantctl.plan.Drift;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.Planned;
import io.tenantctl.plan.Planner;
import io.tenantctl.plan.Schedule;
import io.tenantctl.plan.Summary;
import io.tenantctl.profile.Profile;
import io.tenantctl.rules.Violation;
import io.tenantctl.state.Snapshot;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.validate.DesiredState;
import io.tenantctl.validate.ManifestValidator;
import io.tenantctl.validate.Silencing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /**
     * The plan, and when it could be made, the world it leads to.
     *
     * @param drift finds which declared objects drifted from what the applyset last applied
     */
    Planned plan(
            Validation validation,
            Snapshot state,
            PlanOptions options,
            Function<DesiredState, List<Drift>> drift,
            Progress progress) {
        Base base = new Base(state.lineage(), state.revision());
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.addAll(validation.diagnostics());
        DesiredState desired = validation.desired();
        if (diagnostics.hasErrors()) {
            return Planned.failed(
                    failed(base, options, desired, Summary.NONE, List.of(), diagnostics, validation.silenced()));
        }
        progress.phase("comparing with the state", 0);
        Predicate<WorldObject> prunable = Pruning.prunable(state, options, diagnostics);
        Differ.Result diff = Timings.time("diff", () -> new Differ().diff(desired.objects(), state.world(), prunable));
        ChangeSet changes = diff.changeSet();
        Pruning.limit(
                state,
                options,
                changes.changes().stream()
                        .filter(c -> c.action() == ChangeAction.DELETE)
                        .map(c -> c.before().orElseThrow())
                        .toList(),
                diagnostics);
        List<Violation> violations = new ArrayList<>(diff.violations());
        violations.addAll(Owners.takeovers(state, desired, options));
        List<Violation> impossible = profile.preconditions().ofChanges(changes);
        violations.addAll(impossible);
        Set<ObjectRef> explained = new HashSet<>();
        impossible.forEach(v -> explained.add(v.subject()));
        progress.phase("checking the rules", 0);
        Set<ObjectRef> changing = new HashSet<>();
        changes.changes().forEach(c -> {
            if (c.action() == ChangeAction.CREATE || c.action() == ChangeAction.UPDATE) {
                changing.add(c.ref());
            }
        });
        for (Violation v : Timings.time("rules", () -> profile.rules().checkAll(changes.desired()))) {
            // a dangling reference left by a deletion is already explained (as tenant-not-empty)
            boolean dangling = explained.contains(v.subject())
                    && (v.code().equals(Codes.UNKNOWN_REFERENCE) || v.code().equals(Codes.WORK_ACCOUNT_DOMAIN));
            // advice is given about what this plan creates or changes; validate gives all of it
            boolean unrelated = v.severity() == Severity.WARNING && !changing.contains(v.subject());
            if (!dangling && !unrelated) {
                violations.add(v);
            }
        }
        ManifestValidator.Located located = Timings.time("locate", () -> ManifestValidator.locate(violations, desired));
        diagnostics.addAll(located.diagnostics());
        Silenced silenced = validation.silenced().plus(located.silenced());
        List<Change> listed = Owners.listed(changes.changes(), state, options);
        if (diagnostics.hasErrors()) {
            return Planned.failed(
                    failed(base, options, desired, Summary.of(changes, 0), listed, diagnostics, silenced));
        }
        Schedule schedule = Timings.time(
                "schedule",
                () -> planner.schedule(
                        state.world(),
                        changes,
                        new Planner.Options(options.as(), options.temporaryGrants()),
                        progress));
        if (!schedule.complete()) {
            // the steps no order was found for are errors: nothing of them is silenced
            diagnostics.addAll(
                    ManifestValidator.locate(schedule.blocked(), desired).diagnostics());
            return Planned.failed(
                    failed(base, options, desired, Summary.of(changes, 0), listed, diagnostics, silenced));
        }
        return new Planned(
                plan(
                        base,
                        options,
                        desired,
                        Summary.of(changes, Owners.adoptions(state, desired, options))
                                .withTemporaryGrants(schedule.temporaryGrants()),
                        listed,
                        schedule.steps(),
                        drift.apply(desired),
                        diagnostics,
                        silenced),
                Optional.of(schedule.result()));
    }

    private Plan failed(
            Base base,
            PlanOptions options,
            DesiredState desired,
            Summary summary,
            List<Change> changes,
            Diagnostics diagnostics,
            Silenced silenced) {
        return plan(base, options, desired, summary, changes, List.of(), List.of(), diagnostics, silenced);
    }

    /**
     * The plan, showing the diagnostics but the warnings the run silences ({@code --ignore-warnings});
     * those and the ones the objects' annotations silenced are counted in its summary.
     */
    private Plan plan(
            Base base,
            PlanOptions options,
            DesiredState desired,
            Summary summary,
            List<Change> changes,
            List<PlannedStep> steps,
            List<Drift> drift,
            Diagnostics diagnostics,
            Silenced silenced) {
        Silencing.Filtered shown = options.silencing().filter(diagnostics.sorted());
        return new Plan(
                base,
                profile.name(),
                options.as(),
                options.source(),
                options.applyset(),
                declared(desired),
                summary.withSilenced(silenced.plus(shown.silenced())),
                changes,
                steps,
                drift,
                shown.shown());
    }

    private static List<ObjectRef> declared(DesiredState desired) {
        return desired.objects().stream().map(WorldObject::ref).sorted().toList();
    }
}
