package io.tenantctl.plan;

import io.tenantctl.diag.Progress;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.model.Names;
import io.tenantctl.profile.Profile;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.Step;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Orders the steps of a change set into a plan that is legal at every point, and finds one
 * whenever one exists (within the bounds below).
 *
 * <p>The steps are sorted by the profile's preference (grants before revokes, ...), then in
 * canonical order. Every try at a step checks its precondition, finds who may act (the {@code --as}
 * identities, or every holder of the authority in the profile's order), and runs it on a working
 * copy of the world with the rules checked around it ({@link Trial}, {@link StepRunner}).
 *
 * <ol>
 *   <li><b>First pass</b> ({@link Greedy}): always run the step of highest preference that can run
 *       now; a step that cannot waits on the pieces of the world its try read, and is tried again
 *       only when a placed step changes one of them. Linear in the number of steps; on ordinary
 *       worlds it places everything.
 *   <li><b>Search</b> ({@link Lookahead}): when steps are left blocked in a plan of at most
 *       {@value Lookahead#WHOLE_PLAN} steps, an exhaustive depth-first search ({@link Search}),
 *       with a memo of the states that lead nowhere, over every order and every choice of actor
 *       that changes what a step does. It is complete: such a plan is refused only when no order
 *       exists (within {@value Lookahead#BUDGET} tries, far more than such a plan needs).
 *   <li><b>Repair</b> ({@link Repair}): in a larger plan, a blocked step is placed right before the
 *       placed step that took away what it needed (a step that wrote what the blocked step read,
 *       the latest first), and the first pass runs again from there; kept when fewer steps are
 *       blocked, repeated while it helps, up to {@value Repair#ROUNDS} times.
 *   <li>What is still blocked is reported, each step with the reason of its last try.
 * </ol>
 *
 * Everything is deterministic: the same inputs give the same plan.
 */
public final class Planner {

    private final Profile profile;

    public Planner(Profile profile) {
        this.profile = profile;
    }

    /** How to schedule: who may act. */
    public record Options(List<String> as) {

        public Options {
            as = as.stream().map(Names::key).distinct().toList();
        }
    }

    /** Schedules every step the changes need, acting only as {@code as} identities when any are given. */
    public Schedule schedule(World live, ChangeSet changes, List<String> as) {
        return schedule(live, changes, new Options(as), Progress.NONE);
    }

    /** As {@link #schedule(World, ChangeSet, List)}, reporting how many steps are placed. */
    public Schedule schedule(World live, ChangeSet changes, List<String> as, Progress progress) {
        return schedule(live, changes, new Options(as), progress);
    }

    public Schedule schedule(World live, ChangeSet changes, Options options, Progress progress) {
        List<Step> steps = new ArrayList<>();
        for (Change change : changes.changes()) {
            steps.addAll(profile.steps().steps(change, live, changes.desired()));
        }
        List<Pending> pending = byPriority(steps, live, changes.desired());
        progress.phase("planning", pending.size());
        Trial trial = new Trial(profile, options.as());
        MutableWorld world = live.toMutable();
        Greedy.Result first = new Greedy(trial).run(world, pending, progress);
        if (first.complete()) {
            return new Schedule(Placement.numbered(first.placed()), world.freeze(), List.of());
        }
        Lookahead.Outcome found = new Lookahead(trial).solve(live, pending, first, world);
        Greedy.Result result = found.result();
        List<Violation> blocked = new ArrayList<>();
        for (Blocked b : result.blocked()) {
            blocked.add(b.why());
        }
        return new Schedule(Placement.numbered(result.placed()), found.world().freeze(), blocked);
    }

    /** The steps in the profile's order of preference, then in canonical order, ranked from 0. */
    private List<Pending> byPriority(List<Step> steps, WorldView live, WorldView desired) {
        TreeMap<Integer, List<Step>> buckets = new TreeMap<>();
        for (Step step : steps) {
            buckets.computeIfAbsent(profile.steps().priority(step, live, desired), p -> new ArrayList<>())
                    .add(step);
        }
        List<Pending> out = new ArrayList<>(steps.size());
        for (List<Step> bucket : buckets.values()) {
            bucket.sort(Step.ORDER);
            for (Step step : bucket) {
                out.add(Pending.of(out.size(), step));
            }
        }
        return out;
    }
}
