package io.tenantctl.agent;

import io.tenantctl.agent.status.ConditionStatus;
import io.tenantctl.agent.status.ConditionType;
import io.tenantctl.agent.status.CycleEvent;
import io.tenantctl.agent.status.HeldPlan;
import io.tenantctl.agent.status.LastApply;
import io.tenantctl.agent.status.SourceStatus;
import io.tenantctl.agent.store.AgentStore;
import io.tenantctl.agent.store.StateMark;
import io.tenantctl.apply.Applier;
import io.tenantctl.apply.ApplyResult;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Progress;
import io.tenantctl.engine.Engine;
import io.tenantctl.engine.Manifests;
import io.tenantctl.engine.PlanOptions;
import io.tenantctl.engine.Validation;
import io.tenantctl.plan.Drift;
import io.tenantctl.plan.InvalidPlanException;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.PlanReader;
import io.tenantctl.plan.PlanWriter;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.StateException;
import io.tenantctl.state.StateStore;
import io.tenantctl.step.PlannedStep;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * One source's cycles: fetch, and when the commit or the state moved (or a held plan was
 * approved), read the manifests at the commit, plan, and apply what the policy allows, then record
 * the status. It uses the engine only through its use cases ({@link Engine#read},
 * {@link Engine#plan}, {@link Engine#applySaved}): every apply is of a plan made first, so that the
 * policy judges exactly what runs, and the store's base-revision check refuses it if the state
 * moved in between.
 *
 * <p>A live provider will replace what "the state moved" means (today the state's revision is the
 * world); that is {@link AgentStore#head}, read once per cycle.
 */
public final class Reconciler {

    /** Cycles kept in each source's history. */
    static final int HISTORY = 100;
    /** Diagnostics quoted in a Stalled condition's message. */
    private static final int QUOTED = 20;

    private final SourceConfig source;
    private final Engine engine;
    private final StateStore store;
    private final AgentStore agentStore;
    private final GitFetcher fetcher;
    private final AgentMetrics metrics;
    private final AgentLog log;
    private final Clock clock;
    private final Duration lockTimeout;
    private final LockHolder me;
    private final BooleanSupplier stopping;
    private final Random random = new Random();
    private SourceStatus status;

    /** What a cycle came to, and when the next one is due. */
    public record Report(Outcome outcome, Instant next, String message) {}

    public Reconciler(
            SourceConfig source,
            Engine engine,
            StateStore store,
            AgentStore agentStore,
            GitFetcher fetcher,
            AgentMetrics metrics,
            AgentLog log,
            Clock clock,
            Duration lockTimeout,
            LockHolder me,
            BooleanSupplier stopping) {
        this.source = source;
        this.engine = engine;
        this.store = store;
        this.agentStore = agentStore;
        this.fetcher = fetcher;
        this.metrics = metrics;
        this.log = log;
        this.clock = clock;
        this.lockTimeout = lockTimeout;
        this.me = me;
        this.stopping = stopping;
    }

    /**
     * Takes the source over: continues from the status its last leader wrote (its history, its
     * last apply, the commit it was synced at), under this agent's name. The first cycle plans even
     * if nothing moved: this agent's configuration (policy, drift, paths) may differ from the last
     * leader's.
     */
    public void lead() {
        Instant now = clock.instant();
        SourceStatus previous = agentStore
                .status(source.name())
                .orElseGet(() -> SourceStatus.initial(
                        source.name(),
                        source.displayUrl(),
                        source.branch(),
                        source.paths(),
                        source.applyset(),
                        "",
                        now));
        status = previous.configured(source.displayUrl(), source.branch(), source.paths(), source.applyset())
                .led(me.describe(), previous.cycle())
                .unsettled();
    }

    public SourceStatus status() {
        return status;
    }

    /** Runs one cycle. Never throws for a failure of git, the manifests or the state: it reports them. */
    public Report cycle() {
        Instant start = clock.instant();
        status = status.led(status.leader(), status.cycle() + 1);
        Result result;
        try {
            result = run();
        } catch (StateException e) {
            log.error(source.name(), e.getMessage());
            result = failed(e.getMessage(), status.observedCommit(), status.observedRevision());
        } catch (RuntimeException e) {
            String message = "internal error: " + e;
            log.error(source.name(), message);
            result = failed(message, status.observedCommit(), status.observedRevision());
        }
        Instant end = clock.instant();
        Instant next = result.outcome() == Outcome.STALE ? end : end.plus(waitTime());
        status = status.observed(
                        result.commit(), result.revision(), result.outcome().settles(), result.drifted(), end)
                .next(next);
        try {
            // The history first: whoever sees the new status finds the cycle that made it.
            if (result.outcome() != Outcome.UNCHANGED) {
                agentStore.record(
                        new CycleEvent(
                                source.name(),
                                status.cycle(),
                                end,
                                result.outcome().wireName(),
                                result.commit(),
                                result.revision(),
                                result.message()),
                        HISTORY);
            }
            agentStore.save(status, end);
            metrics.status(status, agentStore.held(source.name()).map(HeldPlan::heldAt));
        } catch (StateException e) {
            log.error(source.name(), "cannot record the status: " + e.getMessage());
        }
        metrics.cycle(source.name(), result.outcome().wireName(), Duration.between(start, end));
        if (result.outcome() != Outcome.UNCHANGED) {
            log.info(
                    source.name(),
                    result.outcome().wireName() + ": " + result.message() + " (cycle " + status.cycle() + ", "
                            + Duration.between(start, end).toMillis() + " ms)");
        }
        return new Report(result.outcome(), next, result.message());
    }

    /** The wait before the next cycle: the interval, shortened by up to the jitter. */
    private Duration waitTime() {
        long millis = source.interval().toMillis();
        return Duration.ofMillis(millis - (long) (millis * source.jitter() * random.nextDouble()));
    }

    /** What a cycle found. */
    private record Result(Outcome outcome, String commit, long revision, int drifted, String message) {}

    private Result run() {
        GitFetcher.Fetched fetched = fetcher.fetch(source);
        if (fetched.commit().isEmpty()) {
            String message = fetched.problem().map(Diagnostic::message).orElse("the fetch failed");
            set(ConditionType.READY, ConditionStatus.FALSE, "FetchFailed", message);
            set(ConditionType.RECONCILING, ConditionStatus.FALSE, "FetchFailed", "the next cycle tries again");
            set(ConditionType.STALLED, ConditionStatus.FALSE, "FetchFailed", "the next cycle tries again");
            return new Result(
                    Outcome.FETCH_FAILED,
                    status.observedCommit(),
                    status.observedRevision(),
                    status.driftedObjects(),
                    message);
        }
        String commit = fetched.commit().get();
        StateMark mark = agentStore.head();
        Optional<HeldPlan> held = agentStore.held(source.name());
        boolean approved = held.map(h -> h.approval().isPresent()).orElse(false);
        if (status.settled()
                && commit.equals(status.observedCommit())
                && mark.revision() == status.observedRevision()
                && !approved) {
            return new Result(Outcome.UNCHANGED, commit, mark.revision(), status.driftedObjects(), "nothing moved");
        }
        set(ConditionType.RECONCILING, ConditionStatus.TRUE, "Progressing", "planning commit " + shortId(commit));
        agentStore.save(status, clock.instant());
        if (approved && held.get().commit().equals(commit)) {
            Optional<Result> done = applyApproved(held.get(), commit);
            if (done.isPresent()) {
                return done.get();
            }
        }
        if (stopping.getAsBoolean()) {
            return abandoned(commit, mark.revision());
        }
        Validation validation = engine.read(
                new Manifests(source.paths(), Optional.of(commit), Optional.of(fetcher.cache(source))), Progress.NONE);
        Map<String, String> origin = new TreeMap<>(validation.source());
        origin.put("agent", source.name());
        origin.put("repository", source.displayUrl());
        // Objects another applyset changed have moved to it. Reverting drift takes them back, as
        // the policy says; reporting it only looks (the plan of a synced commit is never applied).
        // A new commit under report that would take objects over is refused, naming their owner.
        boolean reportOnly = commit.equals(status.syncedCommit()) && source.drift() == DriftPolicy.REPORT;
        PlanOptions options = new PlanOptions(
                source.as(),
                source.prune(),
                origin,
                source.applyset(),
                PlanOptions.DEFAULT_MAX_PRUNE,
                false,
                source.drift() == DriftPolicy.REVERT || reportOnly,
                false);
        Plan plan = engine.plan(validation, store, options, Progress.NONE);
        metrics.planned(source.name(), plan.steps().size());
        long revision = plan.base().revision();
        int drifted = plan.drift().size();
        if (plan.failed()) {
            agentStore.release(source.name());
            return invalid(plan, validation, commit, revision);
        }
        if (!plan.hasChanges()) {
            agentStore.release(source.name());
            String message = "the state matches commit " + shortId(commit) + " at revision " + revision
                    + (drifted > 0 ? "; " + drifted + " objects differ from what this source applied" : "");
            return synced(Outcome.UP_TO_DATE, "UpToDate", message, commit, revision, drifted);
        }
        if (commit.equals(status.syncedCommit()) && source.drift() == DriftPolicy.REPORT) {
            agentStore.release(source.name());
            return driftReported(plan, commit, revision);
        }
        Policy.Decision decision = source.policy().decide(plan);
        return switch (decision.verdict()) {
            case NEVER -> forbidden(decision, commit, revision, drifted);
            case APPROVE -> hold(plan, decision, commit, revision, held);
            case AUTO -> apply(plan, decision.classes(), commit, "");
        };
    }

    private Optional<Result> applyApproved(HeldPlan held, String commit) {
        Optional<String> document = agentStore.document(source.name(), held.digest());
        if (document.isEmpty()) {
            return Optional.empty();
        }
        Plan plan;
        try {
            plan = PlanReader.read(document.get()).plan();
        } catch (InvalidPlanException e) {
            log.error(source.name(), "the held plan cannot be read (" + e.getMessage() + "); planning again");
            agentStore.release(source.name());
            return Optional.empty();
        }
        String by = held.approval().map(a -> a.by()).orElse("?");
        Result result = apply(plan, held.classes(), commit, " (approved by " + by + ")");
        if (result.outcome() == Outcome.STALE) {
            // The state moved since the plan was made: plan again now, and hold the new plan.
            agentStore.release(source.name());
            log.info(source.name(), "the approved plan " + held.digest() + " is stale: " + result.message());
            return Optional.empty();
        }
        return Optional.of(result);
    }

    private Result apply(Plan plan, Map<String, Integer> classes, String commit, String note) {
        long base = plan.base().revision();
        if (stopping.getAsBoolean()) {
            return abandoned(commit, base);
        }
        String digest = PlanWriter.digestOf(plan);
        log.info(
                source.name(),
                "applying " + plan.steps().size() + " steps " + classes + " from commit " + shortId(commit)
                        + " on revision " + base + note);
        // The last word is asked under the lock: a stop that came before it leaves the state as it was.
        Applier.Request request = new Applier.Request(lockTimeout, me, p -> !stopping.getAsBoolean(), false);
        ApplyResult result = engine.applySaved(plan, store, request);
        return switch (result.outcome()) {
            case APPLIED -> {
                agentStore.release(source.name());
                metrics.applied(source.name(), classes);
                Instant now = clock.instant();
                status = status.applied(new LastApply(
                        result.revision(), commit, now, plan.steps().size(), digest));
                String message = "applied revision " + result.revision() + ": "
                        + plan.steps().size() + " steps from commit " + shortId(commit) + note;
                yield synced(Outcome.APPLIED, "Applied", message, commit, result.revision(), 0);
            }
            case NO_CHANGES ->
                synced(
                        Outcome.UP_TO_DATE,
                        "UpToDate",
                        "the state matches commit " + shortId(commit),
                        commit,
                        result.revision(),
                        0);
            case DECLINED -> abandoned(commit, base);
            case STALE -> {
                String message = "the state moved from revision " + base + " to " + result.revision()
                        + " while the plan was made; planning again";
                set(ConditionType.RECONCILING, ConditionStatus.TRUE, "Retrying", message);
                yield new Result(
                        Outcome.STALE, commit, result.revision(), plan.drift().size(), message);
            }
            case PLAN_FAILED, STEP_FAILED, REQUEST_FAILED, DRY_RUN ->
                failed("the apply was refused: " + lines(result.diagnostics()), commit, result.revision());
            case AWAITING ->
                // External actions need a person (tenantctl apply --confirm); the agent says which.
                failed(
                        "the apply waits for external actions: "
                                + String.join(
                                        "; ",
                                        result.awaited().stream()
                                                .map(a -> a.line())
                                                .toList()),
                        commit,
                        result.revision());
        };
    }

    private Result hold(Plan plan, Policy.Decision decision, String commit, long revision, Optional<HeldPlan> already) {
        PlanDocument planned = PlanDocument.of(plan);
        String digest = planned.digest();
        Instant now = clock.instant();
        HeldPlan held = already.filter(h -> h.digest().equals(digest)).orElseGet(() -> {
            StringWriter document = new StringWriter();
            PlanWriter.write(planned, document);
            HeldPlan fresh = new HeldPlan(
                    source.name(),
                    digest,
                    revision,
                    commit,
                    decision.classes(),
                    plan.steps().size(),
                    now,
                    Optional.empty());
            agentStore.hold(fresh, document.toString());
            return fresh;
        });
        StringBuilder why = new StringBuilder();
        for (PlannedStep step : decision.needApproval()) {
            if (why.length() > 0) {
                why.append("; ");
            }
            if (why.length() > 300) {
                why.append("...");
                break;
            }
            why.append(StepClass.of(step).wireName())
                    .append(": ")
                    .append(step.step().describe());
        }
        String message = "plan " + digest + " (" + plan.steps().size() + " steps) waits for approval: " + why
                + ". Approve with: " + held.approveCommand();
        set(ConditionType.READY, ConditionStatus.FALSE, "AwaitingApproval", message);
        set(
                ConditionType.RECONCILING,
                ConditionStatus.TRUE,
                "AwaitingApproval",
                "plan " + digest + " waits for approval");
        set(ConditionType.STALLED, ConditionStatus.FALSE, "AwaitingApproval", "a person can let it go on");
        return new Result(Outcome.HELD, commit, revision, plan.drift().size(), message);
    }

    private Result forbidden(Policy.Decision decision, String commit, long revision, int drifted) {
        agentStore.release(source.name());
        StringBuilder message = new StringBuilder("the policy never applies these steps: ");
        int shown = 0;
        for (PlannedStep step : decision.forbidden()) {
            if (shown++ == 5) {
                message.append(", and ").append(decision.forbidden().size() - 5).append(" more");
                break;
            }
            message.append(shown == 1 ? "" : ", ")
                    .append("step ")
                    .append(step.index())
                    .append(" ")
                    .append(step.step().describe())
                    .append(" (")
                    .append(StepClass.of(step).wireName())
                    .append(")");
        }
        message.append("; change the manifests or the source's policy");
        stalled("PolicyForbids", message.toString());
        return new Result(Outcome.FORBIDDEN, commit, revision, drifted, message.toString());
    }

    private Result invalid(Plan plan, Validation validation, String commit, long revision) {
        String reason = validation.ok() ? "PlanFailed" : "ValidationFailed";
        String message = "commit " + shortId(commit) + " cannot be applied:\n" + lines(plan.diagnostics());
        stalled(reason, message);
        return new Result(Outcome.INVALID, commit, revision, plan.drift().size(), message);
    }

    private Result driftReported(Plan plan, String commit, long revision) {
        StringBuilder message = new StringBuilder();
        message.append(plan.drift().size()).append(" objects were changed by others since this source applied them");
        int shown = 0;
        for (Drift d : plan.drift()) {
            if (shown++ == 10) {
                message.append("\n...");
                break;
            }
            message.append("\n").append(d.describe());
        }
        message.append("\nthe drift policy is report: nothing was applied");
        set(ConditionType.READY, ConditionStatus.FALSE, "DriftDetected", message.toString());
        set(ConditionType.RECONCILING, ConditionStatus.FALSE, "DriftDetected", "drift is reported, not reverted");
        set(ConditionType.STALLED, ConditionStatus.FALSE, "DriftDetected", "drift is reported, not reverted");
        return new Result(Outcome.DRIFT_REPORTED, commit, revision, plan.drift().size(), message.toString());
    }

    private Result synced(Outcome outcome, String reason, String message, String commit, long revision, int drifted) {
        Instant now = clock.instant();
        status = status.synced(commit, now);
        set(ConditionType.READY, ConditionStatus.TRUE, reason, message);
        set(ConditionType.RECONCILING, ConditionStatus.FALSE, "Succeeded", "the state matches the source");
        set(ConditionType.STALLED, ConditionStatus.FALSE, "Succeeded", "the state matches the source");
        return new Result(outcome, commit, revision, drifted, message);
    }

    private Result abandoned(String commit, long revision) {
        String message = "the agent is stopping; nothing was applied";
        set(ConditionType.RECONCILING, ConditionStatus.FALSE, "Stopped", message);
        return new Result(Outcome.ABANDONED, commit, revision, status.driftedObjects(), message);
    }

    private Result failed(String message, String commit, long revision) {
        set(ConditionType.READY, ConditionStatus.FALSE, "Failed", message);
        set(ConditionType.RECONCILING, ConditionStatus.FALSE, "Failed", "the next cycle tries again");
        set(ConditionType.STALLED, ConditionStatus.FALSE, "Failed", "the next cycle tries again");
        return new Result(Outcome.FAILED, commit, revision, status.driftedObjects(), message);
    }

    private void stalled(String reason, String message) {
        set(ConditionType.READY, ConditionStatus.FALSE, reason, message);
        set(ConditionType.RECONCILING, ConditionStatus.FALSE, reason, "waits for a change in git or the policy");
        set(ConditionType.STALLED, ConditionStatus.TRUE, reason, message);
    }

    private void set(ConditionType type, ConditionStatus value, String reason, String message) {
        status = status.with(type, value, reason, message, clock.instant());
    }

    private static String lines(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (Diagnostic d : diagnostics) {
            if (!d.isError()) {
                continue;
            }
            if (shown++ == QUOTED) {
                out.append("\n...");
                break;
            }
            out.append(out.length() == 0 ? "" : "\n")
                    .append(d.location().isKnown() ? d.location() + ": " : "")
                    .append("error[")
                    .append(d.code())
                    .append("]: ")
                    .append(d.message());
        }
        return out.toString();
    }

    static String shortId(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
