package io.tenantctl.apply;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.diag.Timings;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanWriter;
import io.tenantctl.plan.Planned;
import io.tenantctl.plan.StepRunner;
import io.tenantctl.profile.Profile;
import io.tenantctl.rules.Violation;
import io.tenantctl.state.AbsentState;
import io.tenantctl.state.Commit;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.StateStore;
import io.tenantctl.state.StepEntry;
import io.tenantctl.step.ExternalAction;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
     * @param confirm    asked with the plan, under the lock, before anything is written
     * @param operator   who runs the apply, for the history ({@link RevisionRecord#operator()})
     * @param provenance what the history records of where the plan came from besides its source
     *                   (the key that signed a saved plan: {@code signedBy})
     */
    public record Request(
            Duration lockTimeout,
            LockHolder holder,
            Predicate<Plan> confirm,
            boolean dryRun,
            Map<String, String> operator,
            Map<String, String> provenance,
            List<String> actionsDone) {

        public Request {
            operator = Map.copyOf(operator);
            provenance = Map.copyOf(provenance);
            actionsDone = List.copyOf(actionsDone);
        }

        public Request(
                Duration lockTimeout,
                LockHolder holder,
                Predicate<Plan> confirm,
                boolean dryRun,
                Map<String, String> operator,
                Map<String, String> provenance) {
            this(lockTimeout, holder, confirm, dryRun, operator, provenance, List.of());
        }

        /** A request whose operator and provenance the history does not record. */
        public Request(Duration lockTimeout, LockHolder holder, Predicate<Plan> confirm, boolean dryRun) {
            this(lockTimeout, holder, confirm, dryRun, Map.of(), Map.of());
        }

        /** The same request, confirming that these external actions were done ({@code --confirm}). */
        public Request confirming(List<String> ids) {
            return new Request(lockTimeout, holder, confirm, dryRun, operator, provenance, ids);
        }
    }

    /**
     * Makes the plan under the lock with {@code planner}, then applies it. Making the plan checked
     * every step against this locked state already, so the world it leads to is committed as is.
     */
    public ApplyResult apply(StateStore store, Function<Snapshot, Planned> planner, Request request) {
        return store.write(request.lockTimeout(), request.holder(), tx -> {
            ActionLedger ledger = new ActionLedger(tx.actions(), now());
            Optional<ApplyResult> refused = confirm(ledger, request, tx.snapshot());
            if (refused.isPresent()) {
                return refused.get();
            }
            Planned planned = planner.apply(tx.snapshot());
            return execute(tx, planned.plan(), planned.result(), request, 0, ledger);
        });
    }

    /**
     * Applies exactly the steps of a saved plan, if the state is still the one it was made against.
     * A plan made against a state that did not exist yet (no lineage, revision 0) applies to a new
     * state, still at revision 0, whatever lineage it was given when it was created.
     */
    public ApplyResult applySaved(StateStore store, Plan plan, Request request) {
        return store.write(request.lockTimeout(), request.holder(), tx -> {
            Snapshot state = tx.snapshot();
            ActionLedger ledger = new ActionLedger(tx.actions(), now());
            Optional<ApplyResult> refused = confirm(ledger, request, state);
            if (refused.isPresent()) {
                return refused.get();
            }
            boolean fromNothing = plan.base().lineage().equals(AbsentState.NO_LINEAGE);
            int resumed = resumedAt(store, plan, state);
            if (resumed > 0) {
                return execute(tx, plan, Optional.empty(), request, resumed, ledger);
            }
            if (!(fromNothing || state.lineage().equals(plan.base().lineage()))
                    || state.revision() != plan.base().revision()) {
                String why = fromNothing
                        ? "it was made against a state that did not exist yet, and the state is at revision "
                                + state.revision()
                        : !state.lineage().equals(plan.base().lineage())
                                ? "it was made against another state (lineage "
                                        + plan.base().lineage() + ", this state is " + state.lineage() + ")"
                                : "it was made at revision " + plan.base().revision()
                                        + " and the state is now at revision " + state.revision();
                return new ApplyResult(
                        Outcome.STALE,
                        Optional.of(plan),
                        state.revision(),
                        List.of(Diagnostic.error(
                                Codes.STALE_PLAN, "the saved plan is stale: " + why + "; make a new plan")));
            }
            return execute(tx, plan, Optional.empty(), request, 0, ledger);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Records the operator's {@code --confirm}ations; an id that is not waiting is an error naming
     * the ones that are, and nothing is written.
     */
    private static Optional<ApplyResult> confirm(ActionLedger ledger, Request request, Snapshot state) {
        if (request.actionsDone().isEmpty()) {
            return Optional.empty();
        }
        List<String> unknown = ledger.unknown(request.actionsDone());
        if (!unknown.isEmpty()) {
            List<String> waiting = ledger.waiting();
            return Optional.of(new ApplyResult(
                    Outcome.PLAN_FAILED,
                    Optional.empty(),
                    state.revision(),
                    List.of(Diagnostic.error(
                            Codes.AWAITING_ACTION,
                            "--confirm " + String.join(", ", unknown) + ": no such action is waiting; "
                                    + (waiting.isEmpty()
                                            ? "no action is waiting"
                                            : "the waiting actions are " + String.join(", ", waiting))))));
        }
        ledger.confirm(request.actionsDone(), request.holder().identity());
        return Optional.empty();
    }

    /**
     * Where a saved plan goes on: after the steps that earlier applies of this very plan (its digest)
     * committed before stopping at an external action; 0 when the state is not such a state.
     */
    private static int resumedAt(StateStore store, Plan plan, Snapshot state) {
        if (state.revision() <= plan.base().revision()
                || !(plan.base().lineage().equals(AbsentState.NO_LINEAGE)
                        || state.lineage().equals(plan.base().lineage()))) {
            return 0;
        }
        String digest = PlanWriter.digestOf(plan);
        int done = 0;
        for (RevisionRecord r : store.history(0)) {
            if (r.revision() <= plan.base().revision()) {
                break;
            }
            if (!r.digest().equals(digest)) {
                return 0;
            }
            done += r.steps().size();
        }
        return done < plan.steps().size() ? done : 0;
    }

    /** The plan's source as the history keeps it: with the request's provenance, which the plan's digest does not cover. */
    private static Map<String, String> recordedSource(Plan plan, Request request) {
        if (request.provenance().isEmpty()) {
            return plan.source();
        }
        Map<String, String> source = new TreeMap<>(plan.source());
        source.putAll(request.provenance());
        return source;
    }

    /**
     * Applies the plan's steps from {@code from} (an earlier apply of this plan committed those
     * before), up to the first whose external action is not done yet; records that action and the
     * external ones right after it as waiting.
     */
    private ApplyResult execute(
            StateStore.Transaction tx,
            Plan plan,
            Optional<World> proven,
            Request request,
            int from,
            ActionLedger ledger) {
        Snapshot state = tx.snapshot();
        if (plan.failed()) {
            return new ApplyResult(Outcome.PLAN_FAILED, Optional.of(plan), state.revision(), plan.diagnostics());
        }
        if (!plan.hasChanges()) {
            if (!request.dryRun() && !ledger.changed().isEmpty()) {
                tx.commitActions(ledger.changed());
            }
            return new ApplyResult(Outcome.NO_CHANGES, Optional.of(plan), state.revision(), List.of());
        }
        List<PlannedStep> all = plan.steps();
        int end = from;
        while (end < all.size()
                && all.get(end).step().external().map(ledger::isConfirmed).orElse(true)) {
            end++;
        }
        List<ExternalAction> awaited = new ArrayList<>();
        for (int i = end; i < all.size() && all.get(i).step().external().isPresent(); i++) {
            ExternalAction action = all.get(i).step().external().get();
            if (!ledger.isConfirmed(action)) {
                awaited.add(action);
            }
        }
        // The digest of a large plan takes a while; it is made while the plan is shown and checked.
        CompletableFuture<PlanWriter.Digested> digest =
                CompletableFuture.supplyAsync(() -> PlanWriter.digestKeepingSteps(plan));
        if (!request.confirm().test(plan)) {
            digest.cancel(false);
            return new ApplyResult(Outcome.DECLINED, Optional.of(plan), state.revision(), List.of());
        }
        List<PlannedStep> steps = all.subList(from, end);
        World result;
        if (proven.isPresent() && from == 0 && end == all.size()) {
            result = proven.get();
        } else {
            MutableWorld world = state.world().toMutable();
            Optional<Violation> problem = Timings.time("re-check steps", () -> {
                for (PlannedStep step : steps) {
                    Optional<Violation> broken = runner.replay(step, world);
                    if (broken.isPresent()) {
                        return broken;
                    }
                }
                return Optional.<Violation>empty();
            });
            if (problem.isPresent()) {
                Violation v = problem.get();
                return new ApplyResult(
                        Outcome.STEP_FAILED,
                        Optional.of(plan),
                        state.revision(),
                        List.of(new Diagnostic(v.severity(), v.code(), v.message(), Location.NONE)));
            }
            result = world.freeze();
        }
        if (request.dryRun()) {
            return new ApplyResult(Outcome.DRY_RUN, Optional.of(plan), state.revision(), List.of());
        }
        if (steps.isEmpty() && !awaited.isEmpty()) {
            // Waiting before the first step: nothing to commit but what is awaited.
            digest.cancel(false);
            awaited.forEach(a -> ledger.await(a, state.revision()));
            tx.commitActions(ledger.changed());
            return new ApplyResult(
                    Outcome.AWAITING, Optional.of(plan), state.revision(), List.of(), Optional.empty(), awaited, 0);
        }
        long revision = state.revision() + 1;
        TreeSet<String> actors = new TreeSet<>();
        for (PlannedStep step : steps) {
            step.actor().ifPresent(actors::add);
            step.step().external().ifPresent(ledger::done);
        }
        awaited.forEach(a -> ledger.await(a, revision));
        Map<String, Integer> summary = new TreeMap<>(plan.summary().asMap());
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // The record needs the digest, which may still be in the making; the store asks for it
        // after writing the objects, so that the two overlap.
        Supplier<RevisionRecord> record = () -> {
            PlanWriter.Digested digested = Timings.time("digest", digest::join);
            List<StepEntry> entries = new AbstractList<>() {
                @Override
                public StepEntry get(int index) {
                    PlannedStep step = steps.get(index);
                    return new StepEntry(
                            step.step().op().wireName(),
                            step.step().target().toString(),
                            step.actor(),
                            digested.steps().get(from + index));
                }

                @Override
                public int size() {
                    return steps.size();
                }
            };
            return new RevisionRecord(
                    revision,
                    time,
                    plan.as(),
                    new ArrayList<>(actors),
                    summary,
                    digested.digest(),
                    recordedSource(plan, request),
                    plan.applyset(),
                    entries,
                    request.operator());
        };
        Commit commit = new Commit(
                result,
                plan.applyset(),
                plan.sourceText(),
                new HashSet<>(plan.declared()),
                record,
                Optional.empty(),
                ledger.changed());
        Timings.time("write and commit", () -> tx.commit(commit));
        return new ApplyResult(
                awaited.isEmpty() ? Outcome.APPLIED : Outcome.AWAITING,
                Optional.of(plan),
                revision,
                List.of(),
                Optional.empty(),
                awaited,
                steps.size());
    }
}
