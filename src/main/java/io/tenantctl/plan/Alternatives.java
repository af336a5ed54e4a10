package io.tenantctl.plan;

import io.tenantctl.diag.Progress;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.profile.TemporaryGrant;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.Step;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Schedules a set of steps, with temporary grants if any, from the world the plan starts from: the
 * first pass, and the lookahead when it leaves steps blocked. The plan itself is one such run; the
 * explanations of a plan without an order and the search for temporary grants run variants of the
 * same steps (one step left out, one grant added), on plans of at most {@link #PLAN_LIMIT} steps.
 */
final class Alternatives {

    /** Variants are tried only for plans of at most this many steps: each costs a plan. */
    static final int PLAN_LIMIT = 5_000;

    private final Trial trial;
    private final World live;
    private final ChangeSet changes;
    private final Supplier<List<String>> grantees;
    private List<String> granteesMade;

    /**
     * @param grantees the accounts a grant may be given to: declared in the manifests (and
     *                 {@code --as} identities when any are given); asked for only when a step is
     *                 blocked, since listing them walks every account of the manifests
     */
    Alternatives(Trial trial, World live, ChangeSet changes, Supplier<List<String>> grantees) {
        this.trial = trial;
        this.live = live;
        this.changes = changes;
        this.grantees = grantees;
    }

    Trial trial() {
        return trial;
    }

    World live() {
        return live;
    }

    ChangeSet changes() {
        return changes;
    }

    List<String> grantees() {
        if (granteesMade == null) {
            granteesMade = grantees.get();
        }
        return granteesMade;
    }

    /** Whether variants of a plan of this many steps may be tried. */
    static boolean worthTrying(int steps) {
        return steps <= PLAN_LIMIT;
    }

    /** One run: the steps, ranked; where they got; how many temporary grants it was given. */
    record Attempt(List<Pending> pending, Greedy.Result result, MutableWorld world, List<TemporaryGrant> grants) {

        boolean complete() {
            return result.complete();
        }

        /** The plan's steps, numbered, and the world they lead to (frozen: the attempt ends here). */
        Schedule schedule(List<Violation> blocked, int temporaryGrants) {
            return new Schedule(Placement.numbered(result.placed()), world.freeze(), blocked, temporaryGrants);
        }

        /** Where in this attempt's plan a step was placed (from 1), if it was. */
        Optional<Integer> indexOf(Step step) {
            List<Placement> placed = result.placed();
            for (int i = 0; i < placed.size(); i++) {
                if (placed.get(i).pending().step().equals(step)) {
                    return Optional.of(i + 1);
                }
            }
            return Optional.empty();
        }
    }

    /** Schedules the steps and the grants, each grant's revoke after it. */
    Attempt schedule(List<Step> steps, List<TemporaryGrant> grants, Progress progress) {
        List<Pending> pending = rank(steps, grants);
        MutableWorld world = live.toMutable();
        Greedy.Result first = new Greedy(trial).run(world, pending, progress);
        if (first.complete()) {
            return new Attempt(pending, first, world, grants);
        }
        Lookahead.Outcome outcome = new Lookahead(trial).solve(live, pending, first, world);
        return new Attempt(pending, outcome.result(), outcome.world(), grants);
    }

    /** A step with what it takes to rank it; {@code id} is its place before sorting. */
    private record Entry(int id, Step step, int priority, boolean temporary, int follows) {}

    private static final Comparator<Entry> PREFERENCE =
            Comparator.comparingInt(Entry::priority).thenComparing(Entry::step, Step.ORDER);

    /**
     * The steps in the profile's order of preference, then in canonical order, ranked from 0. A
     * temporary grant has the preference of its step; the step that takes it back comes last.
     */
    private List<Pending> rank(List<Step> steps, List<TemporaryGrant> grants) {
        List<Entry> entries = new ArrayList<>(steps.size() + 2 * grants.size());
        for (Step step : steps) {
            entries.add(new Entry(entries.size(), step, priority(step), false, -1));
        }
        for (TemporaryGrant grant : grants) {
            int id = entries.size();
            entries.add(new Entry(id, grant.grant(), priority(grant.grant()), true, -1));
            entries.add(new Entry(id + 1, grant.revoke(), Integer.MAX_VALUE, true, id));
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(PREFERENCE);
        int[] rankOf = new int[sorted.size()];
        for (int rank = 0; rank < sorted.size(); rank++) {
            rankOf[sorted.get(rank).id()] = rank;
        }
        List<Pending> out = new ArrayList<>(sorted.size());
        for (Entry e : sorted) {
            out.add(new Pending(rankOf[e.id()], e.step(), e.temporary(), e.follows() < 0 ? -1 : rankOf[e.follows()]));
        }
        return out;
    }

    private int priority(Step step) {
        return trial.profile().steps().priority(step, live, changes.desired());
    }
}
