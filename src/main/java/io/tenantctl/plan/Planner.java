package io.tenantctl.plan;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Progress;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.diff.Differ;
import io.tenantctl.model.Kind;
import io.tenantctl.model.Names;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.Profile;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Orders the steps of a change set into a plan that is legal at every point, and finds one
 * whenever one exists (within the bounds below); when none does, says once per root cause which
 * step is blocked, why, and what change to the manifests would unblock it.
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
 *   <li><b>Repair</b> ({@link Repair}): in a larger plan, a placed step that changed what a blocked
 *       step read (one that takes a role away first, the latest first) is made to wait for the
 *       blocked step, and the first pass runs again from just before it; kept when fewer steps
 *       are blocked, repeated while it helps, within bounds.
 *   <li><b>Temporary grants</b> ({@link TemporaryGrants}), only with {@code --allow-temporary-grants}:
 *       when still no order exists, a role the profile says would let an account do a blocked
 *       step (a global administrator, a service administrator) is given for the plan and taken
 *       back before its end; only to accounts the manifests declare (and, with {@code --as}, are
 *       among those identities), and only when the plan then ends exactly in the desired world.
 *   <li><b>Documented grants</b>: where the profile says a role given for a while is the documented
 *       way to act (a global administrator elevating its access to manage role assignments), it is
 *       tried as a temporary grant without {@code --allow-temporary-grants}.
 *   <li><b>Explanation</b> ({@link Explanation}): what is still blocked is reported once per root
 *       cause: a step blocked only because another blocked step did not run is counted under it.
 *       For a plan of at most {@value Alternatives#PLAN_LIMIT} steps, the planner also tries the
 *       plan without one of the revokes that took away what the root needed, and with one more
 *       grant to an account the manifests declare, and says which one would unblock it.
 * </ol>
 *
 * Then the planner compares where the steps lead with the desired world, by spec, and plans what
 * remains, up to {@link #ROUNDS} times: a side effect can undo what an earlier step did (a change of
 * directory deletes every role assignment, including the owners the plan gave or found already
 * there), and a step dropped as done is planned again if a later step undid it.
 *
 * <p>Everything is deterministic: the same inputs give the same plan.
 */
public final class Planner {

    private final Profile profile;

    public Planner(Profile profile) {
        this.profile = profile;
    }

    /**
     * How to schedule.
     *
     * @param as              the only identities that may act (empty: anyone)
     * @param temporaryGrants whether temporary grants may be added where no order exists otherwise
     */
    public record Options(List<String> as, boolean temporaryGrants) {

        public Options {
            as = as.stream().map(Names::key).distinct().toList();
        }

        public Options(List<String> as) {
            this(as, false);
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
        Schedule first = once(live, changes, options, progress);
        if (!first.complete()) {
            return first;
        }
        List<PlannedStep> steps = new ArrayList<>(first.steps());
        World end = first.result();
        int grants = first.temporaryGrants();
        for (int round = 1; round <= ROUNDS; round++) {
            if (reached(end, changes.desired())) {
                return new Schedule(steps, end, List.of(), grants);
            }
            ChangeSet rest = remaining(end, changes.desired());
            if (!rest.hasChanges()) {
                return new Schedule(steps, end, List.of(), grants);
            }
            if (round == ROUNDS) {
                return new Schedule(steps, end, unreached(rest), grants);
            }
            Schedule next = once(end, rest, options, Progress.NONE);
            for (PlannedStep step : next.steps()) {
                steps.add(step.at(steps.size() + 1));
            }
            grants += next.temporaryGrants();
            if (!next.complete()) {
                return new Schedule(steps, next.result(), next.blocked(), grants);
            }
            end = next.result();
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * How many times the planner compares where its steps lead with the desired world and plans what
     * remains: a step's side effect can undo what an earlier step did, or what was already so (a
     * change of directory deletes every role assignment), and a step found done when it came up is
     * not done for ever. One round is the plan; each further one plans what the side effects undid.
     */
    static final int ROUNDS = 4;

    /**
     * Whether the steps lead exactly to the desired world, object for object: the usual end of a
     * round, answered without {@link #remaining}'s diff, which builds a second desired world of
     * every object to find nothing. When this says no, the diff decides.
     */
    private static boolean reached(World end, World desired) {
        if (end.size() != desired.size()) {
            return false;
        }
        for (WorldObject want : desired.objects()) {
            WorldObject have = end.get(want.ref()).orElse(null);
            if (have != want && !want.equals(have)) {
                return false;
            }
        }
        return true;
    }

    /** What still differs, by spec, between where the steps lead and the desired world. */
    private static ChangeSet remaining(World end, World desired) {
        return new Differ().diff(desired.objects(), end, o -> true).changeSet();
    }

    /** The objects the rounds did not bring to the desired world, each a violation. */
    private static List<Violation> unreached(ChangeSet rest) {
        List<Violation> out = new ArrayList<>();
        for (Change change : rest.changes()) {
            if (change.action() == ChangeAction.CREATE
                    || change.action() == ChangeAction.UPDATE
                    || change.action() == ChangeAction.DELETE) {
                out.add(Violation.error(
                        Codes.NO_LEGAL_ORDER,
                        change.ref(),
                        "",
                        change.ref() + " does not end as the manifests want it after " + ROUNDS
                                + " rounds of planning: side effects of the steps keep undoing it"));
            }
        }
        return out;
    }

    /** One schedule of the steps the changes need, from this world. */
    private Schedule once(World live, ChangeSet changes, Options options, Progress progress) {
        List<Step> steps = new ArrayList<>();
        for (Change change : changes.changes()) {
            steps.addAll(profile.steps().steps(change, live, changes.desired()));
        }
        progress.phase("planning", steps.size());
        Alternatives run =
                new Alternatives(new Trial(profile, options.as()), live, changes, () -> declared(changes, options));
        Alternatives.Attempt main = run.schedule(steps, List.of(), progress);
        if (main.complete()) {
            return main.schedule(List.of(), 0);
        }
        // The grants the profile documents as the way to act (elevated access) are always tried;
        // the others only when the user allows them.
        Alternatives.Attempt granted = new TemporaryGrants(run, options.temporaryGrants()).find(steps, main);
        if (granted != null) {
            return granted.schedule(List.of(), granted.grants().size());
        }
        List<Violation> blocked = new Explanation(run).explain(steps, main);
        return main.schedule(blocked, 0);
    }

    /**
     * The accounts the manifests declare, the only ones a temporary grant may go to; with {@code
     * --as}, only those identities (no one else may act, so a grant to anyone else could not help).
     */
    private static List<String> declared(ChangeSet changes, Options options) {
        TreeSet<String> out = new TreeSet<>();
        for (Change change : changes.changes()) {
            if (change.ref().kind() == Kind.ACCOUNT
                    && change.action() != ChangeAction.KEEP
                    && change.action() != ChangeAction.DELETE) {
                changes.desired().accountNamed(change.ref().name()).ifPresent(a -> out.add(a.key()));
            }
        }
        if (!options.as().isEmpty()) {
            out.retainAll(options.as());
        }
        return List.copyOf(out);
    }
}
