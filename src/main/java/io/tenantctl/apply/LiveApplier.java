package io.tenantctl.apply;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.PlanWriter;
import io.tenantctl.plan.StepRunner;
import io.tenantctl.profile.Profile;
import io.tenantctl.provider.Performer;
import io.tenantctl.provider.StepFailure;
import io.tenantctl.rules.Violation;
import io.tenantctl.state.AbsentState;
import io.tenantctl.state.Commit;
import io.tenantctl.state.Journal;
import io.tenantctl.state.JournalRun;
import io.tenantctl.state.JournalStep;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.StateStore;
import io.tenantctl.state.StepEntry;
import io.tenantctl.step.ExternalAction;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies a saved plan to real tenants through a live provider's {@link Performer}, step by step,
 * write-ahead: each step is journaled as started before its first request and as done once a read
 * shows its effect; the world the steps lead to is committed with a revision at the end, or, when
 * a request fails, with the steps done before it. The same plan applied again resumes its run:
 * committed steps are in the stored world already, done ones are replayed without a request, a
 * started or failed one is read first and sent again only if its effect is not there; nothing done
 * is ever sent twice.
 *
 * <p>Only one live apply runs on a state at a time (the journal's lease, which a killed process
 * drops); the state's write lock is taken only to commit, since journal records must be written
 * while requests are on their way.
 */
public final class LiveApplier {

    private final StepRunner runner;
    private final Clock clock;

    public LiveApplier(Profile profile, Clock clock) {
        this.runner = new StepRunner(profile);
        this.clock = clock;
    }

    /** Applies a saved plan (its document as read, {@code text} as it will be journaled) through the performer. */
    public ApplyResult applySaved(
            StateStore store, Performer performer, PlanDocument document, String text, Applier.Request request) {
        return applySaved(store, performer, document, text, request, Optional.empty());
    }

    /**
     * Applies a saved plan made against what the provider observed ({@code observed}, when the
     * plan was not made against the stored world): a new run first records that world in the state
     * as a revision of its own, so that the state says what the tenants were before the steps
     * changed them and a resumed run starts from there.
     */
    public ApplyResult applySaved(
            StateStore store,
            Performer performer,
            PlanDocument document,
            String text,
            Applier.Request request,
            Optional<World> observed) {
        Plan plan = document.plan();
        List<String> unsupported = plan.steps().stream()
                .filter(s -> !performer.supports(s))
                .map(s -> "step " + s.index() + " (" + s.step().describe() + ")")
                .toList();
        if (!unsupported.isEmpty()) {
            return refused(
                    Outcome.PLAN_FAILED,
                    plan,
                    store.read().revision(),
                    Codes.PROVIDER,
                    "no request of the " + performer.name() + " provider performs " + String.join(", ", unsupported)
                            + "; nothing was sent");
        }
        Journal journal = store.journal();
        try (Journal.Lease lease = journal.lease(request.lockTimeout(), request.holder())) {
            Snapshot state = store.read();
            Optional<JournalRun> open = journal.unfinished();
            boolean resumed = open.isPresent() && open.get().digest().equals(document.digest());
            if (!resumed) {
                // A plan made before the state existed applies to the new, empty state.
                boolean first = plan.base().lineage().equals(AbsentState.NO_LINEAGE) && state.revision() == 0;
                if (!first
                        && (!state.lineage().equals(plan.base().lineage())
                                || state.revision() != plan.base().revision())) {
                    return refused(
                            Outcome.STALE,
                            plan,
                            state.revision(),
                            Codes.STALE_PLAN,
                            "the saved plan is stale: it was made at revision "
                                    + plan.base().revision()
                                    + " of lineage " + plan.base().lineage() + " and the state is at revision "
                                    + state.revision() + " of lineage " + state.lineage() + "; make a new plan");
                }
                if (!plan.hasChanges()) {
                    return new ApplyResult(Outcome.NO_CHANGES, Optional.of(plan), state.revision(), List.of());
                }
            }
            Optional<World> seen = resumed ? Optional.empty() : observed.filter(w -> !w.equals(state.world()));
            Optional<Violation> illegal = prove(plan, seen.orElse(state.world()), open.filter(r -> resumed));
            if (illegal.isPresent()) {
                Violation v = illegal.get();
                return new ApplyResult(
                        Outcome.STEP_FAILED,
                        Optional.of(plan),
                        state.revision(),
                        List.of(new Diagnostic(v.severity(), v.code(), v.message(), Location.NONE)));
            }
            if (!request.confirm().test(plan)) {
                return new ApplyResult(Outcome.DECLINED, Optional.of(plan), state.revision(), List.of());
            }
            if (request.dryRun()) {
                return new ApplyResult(Outcome.DRY_RUN, Optional.of(plan), state.revision(), List.of());
            }
            if (open.isPresent() && !resumed && unrecorded(open.get())) {
                return refused(
                        Outcome.PLAN_FAILED,
                        plan,
                        state.revision(),
                        Codes.PROVIDER,
                        "an earlier live apply (run " + open.get().id() + ", plan "
                                + open.get().digest()
                                + ", by " + open.get().holder() + ") was interrupted after it changed tenants in"
                                + " ways the state does not record yet; finish it first: apply that plan again,"
                                + " or 'tenantctl apply --resume' with the same --provider and --connections");
            }
            List<Diagnostic> notes = new ArrayList<>();
            if (open.isPresent() && !resumed) {
                journal.end(open.get().id(), "superseded", clock.instant());
                notes.add(Diagnostic.warning(
                        Codes.PROVIDER,
                        "an earlier live apply (run " + open.get().id() + ", plan "
                                + open.get().digest() + ") did not finish; this plan, made since, replaces it",
                        Location.NONE));
            }
            Snapshot start = state;
            if (seen.isPresent()) {
                recordObserved(store, plan, document.digest(), seen.get(), performer.name(), request);
                start = store.read();
            }
            JournalRun run = resumed
                    ? open.get()
                    : journal.begin(document.digest(), text, performer.name(), request.holder(), clock.instant());
            return new Run(store, performer, plan, run, resumed, request, notes).execute(start);
        }
    }

    /**
     * Records the world the provider observed, which the plan was made against, as a revision of
     * the state: no step, no ownership changed, its source saying where it came from.
     */
    private void recordObserved(
            StateStore store, Plan plan, String digest, World observed, String provider, Applier.Request request) {
        store.write(request.lockTimeout(), request.holder(), tx -> {
            long revision = tx.snapshot().revision() + 1;
            Map<String, String> source = new TreeMap<>(request.provenance());
            source.put("provider", provider);
            source.put("outcome", "observed: the tenants as the provider read them, before the plan's steps");
            RevisionRecord record = new RevisionRecord(
                    revision,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    plan.as(),
                    List.of(),
                    new TreeMap<>(),
                    digest,
                    source,
                    plan.applyset(),
                    List.of());
            tx.commit(new Commit(observed, plan.applyset(), plan.sourceText(), new HashSet<>(), record));
            return revision;
        });
    }

    /**
     * Replays every step not yet in the stored world on a copy of it: the plan must still hold
     * (preconditions, authority, rules) before a single request is sent.
     */
    private Optional<Violation> prove(Plan plan, World start, Optional<JournalRun> resumed) {
        MutableWorld world = start.toMutable();
        for (PlannedStep step : plan.steps()) {
            if (committed(resumed, step)) {
                continue;
            }
            Optional<Violation> broken = runner.replay(step, world);
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    /** Whether a run has steps that may have changed tenants and are not in the stored world. */
    private static boolean unrecorded(JournalRun run) {
        return run.steps().values().stream()
                .anyMatch(s -> s.status() == JournalStep.Status.DONE || s.status() == JournalStep.Status.STARTED);
    }

    private static boolean committed(Optional<JournalRun> run, PlannedStep step) {
        return run.flatMap(r -> r.step(step.index()))
                .map(s -> s.status() == JournalStep.Status.COMMITTED)
                .orElse(false);
    }

    private static ApplyResult refused(Outcome outcome, Plan plan, long revision, String code, String message) {
        return new ApplyResult(outcome, Optional.of(plan), revision, List.of(Diagnostic.error(code, message)));
    }

    /** One run of a plan through the performer. */
    private final class Run {
        private final StateStore store;
        private final Performer performer;
        private final Plan plan;
        private final JournalRun run;
        private final boolean resumed;
        private final Applier.Request request;
        private final List<Diagnostic> notes;
        private final List<PlannedStep> doneNow = new ArrayList<>();
        private final List<Integer> done = new ArrayList<>();

        Run(
                StateStore store,
                Performer performer,
                Plan plan,
                JournalRun run,
                boolean resumed,
                Applier.Request request,
                List<Diagnostic> notes) {
            this.store = store;
            this.performer = performer;
            this.plan = plan;
            this.run = run;
            this.resumed = resumed;
            this.request = request;
            this.notes = notes;
        }

        ApplyResult execute(Snapshot state) {
            Journal journal = store.journal();
            MutableWorld world = state.world().toMutable();
            for (PlannedStep step : plan.steps()) {
                Optional<JournalStep> journaled = run.step(step.index());
                JournalStep.Status status = journaled.map(JournalStep::status).orElse(null);
                if (status == JournalStep.Status.COMMITTED) {
                    done.add(step.index());
                    continue;
                }
                try {
                    Optional<ExternalAction> outside = performer.outside(step);
                    if (outside.isPresent() && status != JournalStep.Status.DONE) {
                        // Someone outside tenantctl does this step: a read says whether they have.
                        if (!performer.confirmed(step, world, false)) {
                            return awaiting(outside.get());
                        }
                        if (status == null) {
                            started(journal, step);
                        }
                        journal.done(run.id(), step.index(), List.of(), clock.instant());
                    } else if (status == JournalStep.Status.DONE) {
                        // Performed and seen by an earlier run that did not get to commit it: replayed only.
                    } else if (status != null && performer.confirmed(step, world, false)) {
                        // Started (or failed) by an earlier run, and a read shows it took effect.
                        journal.done(run.id(), step.index(), journaled.get().requestIds(), clock.instant());
                    } else {
                        started(journal, step);
                        List<String> ids = performer.perform(step, world);
                        if (!performer.confirmed(step, world, true)) {
                            throw new StepFailure(
                                    "the requests succeeded, but no read showed the effect of step " + step.index()
                                            + " within the wait for replication",
                                    "not-observed",
                                    Optional.empty(),
                                    ids);
                        }
                        journal.done(run.id(), step.index(), ids, clock.instant());
                    }
                } catch (StepFailure f) {
                    journal.failed(
                            run.id(), step.index(), f.requestIds(), f.code() + ": " + f.getMessage(), clock.instant());
                    return failed(step, f);
                }
                if (runner.replay(step, world).isPresent()) {
                    throw new IllegalStateException("step " + step.index() + " held a moment ago and no longer does");
                }
                doneNow.add(step);
                done.add(step.index());
            }
            long revision = commit(Map.of());
            journal.end(run.id(), "applied", clock.instant());
            return new ApplyResult(
                    Outcome.APPLIED, Optional.of(plan), revision, notes, Optional.of(report(Optional.empty())));
        }

        private void started(Journal journal, PlannedStep step) {
            journal.started(
                    run.id(),
                    step.index(),
                    step.step().op().wireName(),
                    step.step().target().toString(),
                    clock.instant());
        }

        /**
         * Stops before a step someone outside tenantctl must do and no read shows done: the steps
         * done so far are committed, the run stays open, and the same plan applied again goes on
         * from here once they have done it.
         */
        private ApplyResult awaiting(ExternalAction action) {
            long revision = commit(Map.of("outcome", "awaiting " + action.id()));
            return new ApplyResult(
                    Outcome.AWAITING,
                    Optional.of(plan),
                    revision,
                    notes,
                    Optional.of(report(Optional.empty())),
                    List.of(action),
                    doneNow.size());
        }

        private ApplyResult failed(PlannedStep step, StepFailure f) {
            LiveReport.Failed failure = new LiveReport.Failed(
                    step.index(), step.step().describe(), f.code(), f.requestId(), f.getMessage());
            long revision = doneNow.isEmpty()
                    ? store.read().revision()
                    : commit(Map.of("outcome", "request failed at step " + step.index()));
            List<Diagnostic> diagnostics = new ArrayList<>(notes);
            diagnostics.add(Diagnostic.error(
                    Codes.REQUEST_FAILED,
                    "step " + step.index() + " (" + step.step().describe() + ") failed: " + f.getMessage()
                            + "; steps done: " + (done.isEmpty() ? "none" : done) + ", not run: "
                            + notRun(step.index()) + "; apply the same plan again to resume"));
            return new ApplyResult(
                    Outcome.REQUEST_FAILED,
                    Optional.of(plan),
                    revision,
                    diagnostics,
                    Optional.of(report(Optional.of(failure))));
        }

        /** The steps after {@code after} that are not done (the failed step is reported on its own). */
        private List<Integer> notRun(int after) {
            List<Integer> out = new ArrayList<>();
            for (PlannedStep s : plan.steps()) {
                if (s.index() > after && !done.contains(s.index())) {
                    out.add(s.index());
                }
            }
            return out;
        }

        private LiveReport report(Optional<LiveReport.Failed> failure) {
            return new LiveReport(
                    run.id(),
                    done,
                    failure,
                    notRun(failure.map(LiveReport.Failed::index).orElse(0)),
                    resumed);
        }

        /**
         * Commits the steps done by this process as a revision on the state as it is now, and marks
         * them committed in the journal in the same transaction. The plan's base is not checked:
         * the tenants changed whatever the store says, and the store must say so.
         */
        private long commit(Map<String, String> outcome) {
            boolean complete = outcome.isEmpty();
            // A finished plan that only adopts still commits: the applyset's ownership and what it
            // applied are recorded then, as the record provider records them.
            if (doneNow.isEmpty() && !(complete && plan.summary().adopt() > 0)) {
                return store.read().revision();
            }
            PlanWriter.Digested digested = PlanWriter.digestKeepingSteps(plan);
            return store.write(request.lockTimeout(), request.holder(), tx -> {
                Snapshot locked = tx.snapshot();
                MutableWorld world = locked.world().toMutable();
                List<StepEntry> entries = new ArrayList<>();
                TreeSet<String> actors = new TreeSet<>();
                for (PlannedStep step : doneNow) {
                    // Tenants changed whatever the store says: a step that no longer replays on a
                    // state someone moved meanwhile is still in the history, its effect left to the
                    // next plan to see.
                    runner.replay(step, world);
                    entries.add(new StepEntry(
                            step.step().op().wireName(),
                            step.step().target().toString(),
                            step.actor(),
                            digested.steps().get(step.index() - 1)));
                    step.actor().ifPresent(actors::add);
                }
                Map<String, String> source = new TreeMap<>(plan.source());
                source.putAll(request.provenance());
                source.put("provider", performer.name());
                source.putAll(outcome);
                long revision = locked.revision() + 1;
                RevisionRecord record = new RevisionRecord(
                        revision,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        plan.as(),
                        new ArrayList<>(actors),
                        new TreeMap<>(plan.summary().asMap()),
                        digested.digest(),
                        source,
                        plan.applyset(),
                        entries);
                tx.commit(new Commit(
                        world.freeze(),
                        plan.applyset(),
                        plan.sourceText(),
                        complete ? new HashSet<>(plan.declared()) : new HashSet<>(),
                        record,
                        Optional.of(run.id())));
                return revision;
            });
        }
    }
}
