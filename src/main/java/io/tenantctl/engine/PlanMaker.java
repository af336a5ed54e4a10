package io.tenantctl.engine;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostics;
import io.tenantctl.diag.Progress;
import io.tenantctl.diag.Severity;
import io.tenantctl.diag.Timings;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.diff.Differ;
import io.tenantctl.model.Kind;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.plan.Base;
import io.tenantctl.plan.Drift;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.Planned;
import io.tenantctl.plan.Planner;
import io.tenantctl.plan.Schedule;
import io.tenantctl.plan.Summary;
import io.tenantctl.profile.Profile;
import io.tenantctl.rules.TenantNotEmpty;
import io.tenantctl.rules.Violation;
import io.tenantctl.state.Snapshot;
import io.tenantctl.validate.DesiredState;
import io.tenantctl.validate.ManifestValidator;
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
            return Planned.failed(failed(base, options, desired, Summary.NONE, List.of(), diagnostics));
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
        List<Tenant> deletedTenants = changes.changes().stream()
                .filter(c -> c.action() == ChangeAction.DELETE && c.ref().kind() == Kind.TENANT)
                .map(c -> (Tenant) c.before().orElseThrow())
                .toList();
        List<Violation> notEmpty = TenantNotEmpty.check(changes.desired(), deletedTenants);
        violations.addAll(notEmpty);
        Set<ObjectRef> explained = new HashSet<>();
        notEmpty.forEach(v -> explained.add(v.subject()));
        progress.phase("checking the rules", 0);
        Set<ObjectRef> changing = new HashSet<>();
        changes.changes().forEach(c -> {
            if (c.action() == ChangeAction.CREATE || c.action() == ChangeAction.UPDATE) {
                changing.add(c.ref());
            }
        });
        for (Violation v : Timings.time("rules", () -> profile.rules().checkAll(changes.desired()))) {
            // a dangling reference to a tenant being deleted is already explained as tenant-not-empty
            boolean dangling = explained.contains(v.subject())
                    && (v.code().equals(Codes.UNKNOWN_REFERENCE) || v.code().equals(Codes.WORK_ACCOUNT_DOMAIN));
            // advice is given about what this plan creates or changes; validate gives all of it
            boolean unrelated = v.severity() == Severity.WARNING && !changing.contains(v.subject());
            if (!dangling && !unrelated) {
                violations.add(v);
            }
        }
        Timings.time("locate", () -> diagnostics.addAll(ManifestValidator.locate(violations, desired)));
        List<Change> listed = Owners.listed(changes.changes(), state, options);
        if (diagnostics.hasErrors()) {
            return Planned.failed(failed(base, options, desired, Summary.of(changes, 0), listed, diagnostics));
        }
        Schedule schedule =
                Timings.time("schedule", () -> planner.schedule(state.world(), changes, options.as(), progress));
        if (!schedule.complete()) {
            diagnostics.addAll(ManifestValidator.locate(schedule.blocked(), desired));
            return Planned.failed(failed(base, options, desired, Summary.of(changes, 0), listed, diagnostics));
        }
        return new Planned(
                new Plan(
                        base,
                        profile.name(),
                        options.as(),
                        options.source(),
                        options.applyset(),
                        declared(desired),
                        Summary.of(changes, Owners.adoptions(state, desired, options)),
                        listed,
                        schedule.steps(),
                        drift.apply(desired),
                        diagnostics.sorted()),
                Optional.of(schedule.result()));
    }

    private Plan failed(
            Base base,
            PlanOptions options,
            DesiredState desired,
            Summary summary,
            List<Change> changes,
            Diagnostics diagnostics) {
        return new Plan(
                base,
                profile.name(),
                options.as(),
                options.source(),
                options.applyset(),
                declared(desired),
                summary,
                changes,
                List.of(),
                List.of(),
                diagnostics.sorted());
    }

    private static List<ObjectRef> declared(DesiredState desired) {
        return desired.objects().stream().map(WorldObject::ref).sorted().toList();
    }
}
