package io.tenantctl.apply;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanCodec;
import io.tenantctl.plan.StepRunner;
import io.tenantctl.profile.Profile;
import io.tenantctl.rules.Codes;
import io.tenantctl.rules.Violation;
import io.tenantctl.state.Commit;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.Ownership;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.StateStore;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.MutableWorld;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Applies plans to a state store, all or nothing.
 *
 * <p>{@link #apply} takes the store's write lock first and makes the plan under it (for
 * {@code apply -f}: the plan then can never be stale, and a second apply waits instead of
 * conflicting); {@link #applySaved} refuses a plan whose base is not the locked state. Both re-run
 * every step on the locked live world before anything is written.
 */
public final class Applier {

    private final StepRunner runner;
    private final Clock clock;

    public Applier(Profile profile, Clock clock) {
        this.runner = new StepRunner(profile);
        this.clock = clock;
    }

    /**
     * How to apply.
     *
     * @param confirm   asked with the plan, under the lock, before anything is written
     * @param ownership the applyset and source to record for the objects the manifests declare
     */
    public record Request(
            Duration lockTimeout,
            LockHolder holder,
            Predicate<Plan> confirm,
            boolean dryRun,
            String applyset,
            Function<Snapshot, Map<ObjectRef, Ownership>> ownership) {
    }

    /** Makes the plan under the lock with {@code planner}, then applies it. */
    public ApplyResult apply(StateStore store, Function<Snapshot, Plan> planner, Request request) {
        return store.write(request.lockTimeout(), request.holder(), tx -> {
            Plan plan = planner.apply(tx.snapshot());
            return execute(tx, plan, request);
        });
    }

    /** Applies exactly the steps of a saved plan, if the state is still the one it was made against. */
    public ApplyResult applySaved(StateStore store, Plan plan, Request request) {
        return store.write(request.lockTimeout(), request.holder(), tx -> {
            Snapshot state = tx.snapshot();
            if (!state.lineage().equals(plan.base().lineage()) || state.revision() != plan.base().revision()) {
                String why = !state.lineage().equals(plan.base().lineage())
                        ? "it was made against another state (lineage " + plan.base().lineage() + ", this state is "
                                + state.lineage() + ")"
                        : "it was made at revision " + plan.base().revision() + " and the state is now at revision "
                                + state.revision();
                return new ApplyResult(Outcome.STALE, Optional.of(plan), state.revision(), List.of(Diagnostic.error(
                        Codes.STALE_PLAN, "the saved plan is stale: " + why + "; make a new plan")));
            }
            return execute(tx, plan, request);
        });
    }

    private ApplyResult execute(StateStore.Transaction tx, Plan plan, Request request) {
        Snapshot state = tx.snapshot();
        if (plan.failed()) {
            return new ApplyResult(Outcome.PLAN_FAILED, Optional.of(plan), state.revision(), plan.diagnostics());
        }
        if (!plan.hasChanges()) {
            return new ApplyResult(Outcome.NO_CHANGES, Optional.of(plan), state.revision(), List.of());
        }
        if (!request.confirm().test(plan)) {
            return new ApplyResult(Outcome.DECLINED, Optional.of(plan), state.revision(), List.of());
        }
        MutableWorld world = state.world().toMutable();
        for (PlannedStep step : plan.steps()) {
            Optional<Violation> problem = runner.replay(step, world);
            if (problem.isPresent()) {
                Violation v = problem.get();
                return new ApplyResult(Outcome.STEP_FAILED, Optional.of(plan), state.revision(),
                        List.of(new Diagnostic(v.severity(), v.code(), v.message(), Location.NONE)));
            }
        }
        if (request.dryRun()) {
            return new ApplyResult(Outcome.DRY_RUN, Optional.of(plan), state.revision(), List.of());
        }
        long revision = state.revision() + 1;
        List<JsonNode> steps = new AbstractList<>() {
            @Override
            public JsonNode get(int index) {
                return PlanCodec.step(plan.steps().get(index));
            }

            @Override
            public int size() {
                return plan.steps().size();
            }
        };
        TreeSet<String> actors = new TreeSet<>();
        for (PlannedStep step : plan.steps()) {
            step.actor().ifPresent(actors::add);
        }
        Map<String, Integer> summary = new TreeMap<>();
        summary.put("create", plan.summary().create());
        summary.put("update", plan.summary().update());
        summary.put("delete", plan.summary().delete());
        summary.put("unchanged", plan.summary().unchanged());
        summary.put("kept", plan.summary().kept());
        RevisionRecord record = new RevisionRecord(revision, clock.instant().truncatedTo(ChronoUnit.MILLIS), plan.as(), new ArrayList<>(actors),
                summary, PlanCodec.digestOf(plan), plan.source(), request.applyset(), steps);
        tx.commit(new Commit(world.snapshot(), request.ownership().apply(state), record));
        return new ApplyResult(Outcome.APPLIED, Optional.of(plan), revision, List.of());
    }
}
