package io.tenantctl.plan;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Progress;
import io.tenantctl.diag.Severity;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.model.Names;
import io.tenantctl.profile.Profile;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.Authority;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Refusal;
import io.tenantctl.step.Step;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Orders the steps of a change set into a plan that is legal at every point.
 *
 * <p>The steps are sorted by the profile's preference (grants before revokes, ...), then by
 * target. Each round walks the pending steps in that order and runs every one that can run now:
 * its precondition holds, someone allowed to act holds its authority, and the rules checked in
 * its neighbourhood show no new violation after it. A step that fails waits for the next round.
 * Rounds repeat while any step ran; the steps still pending then cannot be ordered, and each is
 * reported with the reason of its last failure. The number of rounds is the depth of the
 * dependencies between steps (a handful), so planning stays linear in the number of steps.
 */
public final class Planner {

    private final Profile profile;
    private final StepRunner runner;

    public Planner(Profile profile) {
        this.profile = profile;
        this.runner = new StepRunner(profile);
    }

    /** Schedules every step the changes need, acting only as {@code as} identities when any are given. */
    public Schedule schedule(World live, ChangeSet changes, List<String> as) {
        return schedule(live, changes, as, Progress.NONE);
    }

    /** As {@link #schedule(World, ChangeSet, List)}, reporting how many steps are placed. */
    public Schedule schedule(World live, ChangeSet changes, List<String> as, Progress progress) {
        List<Step> steps = new ArrayList<>();
        for (Change change : changes.changes()) {
            steps.addAll(profile.steps().steps(change, live, changes.desired()));
        }
        return run(
                live.toMutable(), steps, as.stream().map(Names::key).distinct().toList(), progress);
    }

    private Schedule run(MutableWorld world, List<Step> steps, List<String> as, Progress progress) {
        progress.phase("planning", steps.size());
        List<Step> pending = byPriority(steps);
        List<PlannedStep> planned = new ArrayList<>();
        Map<Step, Violation> failures = new IdentityHashMap<>();
        while (!pending.isEmpty()) {
            boolean progressed = false;
            List<Step> waiting = new ArrayList<>();
            for (Step step : pending) {
                if (profile.steps().isDone(step, world)) {
                    progressed = true;
                    progress.advance(1);
                    continue;
                }
                Attempt attempt = attempt(step, world, as, planned.size() + 1);
                if (attempt.planned().isPresent()) {
                    planned.add(attempt.planned().get());
                    progress.advance(1);
                    progressed = true;
                } else {
                    failures.put(step, attempt.failure().orElseThrow());
                    waiting.add(step);
                }
            }
            pending = waiting;
            if (!progressed) {
                break;
            }
        }
        List<Violation> blocked = new ArrayList<>();
        for (Step step : pending) {
            blocked.add(failures.get(step));
        }
        return new Schedule(planned, world.freeze(), blocked);
    }

    /** The steps in the profile's order of preference, then in canonical order. */
    private List<Step> byPriority(List<Step> steps) {
        TreeMap<Integer, List<Step>> buckets = new TreeMap<>();
        for (Step step : steps) {
            buckets.computeIfAbsent(profile.steps().priority(step), p -> new ArrayList<>())
                    .add(step);
        }
        List<Step> out = new ArrayList<>(steps.size());
        for (List<Step> bucket : buckets.values()) {
            bucket.sort(Step.ORDER);
            out.addAll(bucket);
        }
        return out;
    }

    /** One try at a step: either it is placed, or why not. */
    private record Attempt(Optional<PlannedStep> planned, Optional<Violation> failure) {

        static Attempt placed(PlannedStep step) {
            return new Attempt(Optional.of(step), Optional.empty());
        }

        static Attempt failed(Violation why) {
            return new Attempt(Optional.empty(), Optional.of(why));
        }
    }

    private Attempt attempt(Step step, MutableWorld world, List<String> as, int index) {
        Optional<Refusal> refusal = profile.preconditions().check(step, world);
        if (refusal.isPresent()) {
            return Attempt.failed(
                    blocked(step, refusalCode(refusal.get()), refusal.get().message()));
        }
        Authority authority = profile.authority().of(step, world);
        List<Optional<String>> actors = actors(authority, as);
        if (actors.isEmpty()) {
            return Attempt.failed(unauthorized(step, authority, as, world));
        }
        Violation lastBroken = null;
        for (Optional<String> actor : actors) {
            Step bound = profile.steps().bind(step, actor, world);
            StepRunner.Check check = runner.run(bound, world);
            if (check.broken().isEmpty()) {
                world.commit();
                // Plans show accounts as they were declared; the step compares them normalised.
                Step shown = bound.withAccountShown(a -> world.display(Names.key(a)));
                return Attempt.placed(PlannedStep.of(
                        index, shown, actor.map(world::display), authority.description(), check.effects()));
            }
            world.rollback();
            lastBroken = check.broken().get(0);
            if (bound.equals(step)) {
                break; // the actor does not change what the step does; others would fail alike
            }
        }
        return Attempt.failed(
                blocked(step, Codes.NO_LEGAL_ORDER, "would break " + lastBroken.code() + ": " + lastBroken.message()));
    }

    /**
     * Who may act: the {@code --as} identities that hold the authority, in the order given; without
     * {@code --as}, every holder in the profile's order of preference.
     */
    static List<Optional<String>> actors(Authority authority, List<String> as) {
        if (authority.anyone()) {
            return ANYONE;
        }
        List<String> holders = authority.holders();
        List<Optional<String>> out = new ArrayList<>();
        if (!as.isEmpty()) {
            for (String identity : as) {
                if (holders.contains(identity)) {
                    out.add(Optional.of(identity));
                }
            }
            return out;
        }
        for (String holder : holders) {
            out.add(Optional.of(holder));
        }
        return out;
    }

    private static final List<Optional<String>> ANYONE = List.of(Optional.empty());

    private static Violation unauthorized(Step step, Authority authority, List<String> as, WorldView world) {
        String holders = authority.holders().isEmpty()
                ? "nobody holds it at this point"
                : "held by "
                        + String.join(
                                ", ",
                                authority.holders().stream()
                                        .sorted()
                                        .map(world::display)
                                        .toList());
        String message = step.describe() + " needs " + authority.description() + "; " + holders;
        if (!as.isEmpty() && !authority.holders().isEmpty()) {
            message += ", and none of them is among the --as identities (" + String.join(", ", as) + ")";
        }
        return blocked(step, Codes.UNAUTHORIZED, message);
    }

    private static Violation blocked(Step step, String code, String why) {
        Causes.Cause cause = Causes.of(step);
        String message = why.startsWith(step.describe()) ? why : step.describe() + ": " + why;
        return new Violation(Severity.ERROR, code, message, step.target(), cause.pointer(), cause.element());
    }

    /**
     * Refusals that are a matter of order (something does not exist yet, or still exists) mean no
     * legal order was found; refusals that are rules of their own keep their code.
     */
    private static String refusalCode(Refusal refusal) {
        return switch (refusal.code()) {
            case Codes.UNKNOWN_REFERENCE, Codes.DUPLICATE_OBJECT, Codes.DUPLICATE_SIGN_IN_NAME -> Codes.NO_LEGAL_ORDER;
            default -> refusal.code();
        };
    }
}
