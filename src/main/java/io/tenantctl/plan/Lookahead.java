package io.tenantctl.plan;

import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import java.util.List;
import java.util.Optional;

/**
 * What the scheduler does when its first pass leaves steps blocked.
 *
 * <p>A plan of at most {@link #WHOLE_PLAN} steps is searched whole, exhaustively, from the world it
 * starts from ({@link Search}): the search is complete, so such a plan is refused only when no
 * order exists. A larger plan is repaired ({@link Repair}): each blocked step is placed before the
 * placed step that took away what it needed, and the first pass runs again from there. Every step
 * is proved where it ends up, so whatever is found is legal.
 */
final class Lookahead {

    /** Plans of at most this many steps are searched whole. */
    static final int WHOLE_PLAN = 16;

    /** Tries of a step in one search. */
    static final int BUDGET = 50_000;

    /** The steps in order and the world they lead to; complete when nothing is blocked. */
    record Outcome(Greedy.Result result, MutableWorld world) {}

    private final Trial trial;

    Lookahead(Trial trial) {
        this.trial = trial;
    }

    /** An order of every step when one is found; otherwise the first pass's outcome, repaired as far as it goes. */
    Outcome solve(World live, List<Pending> all, Greedy.Result first, MutableWorld firstWorld) {
        if (all.size() <= WHOLE_PLAN) {
            MutableWorld world = live.toMutable();
            Optional<List<Placement>> order = new Search(trial, BUDGET).order(world, all);
            if (order.isPresent()) {
                return new Outcome(new Greedy.Result(order.get(), List.of(), List.of()), world);
            }
            return new Outcome(first, firstWorld);
        }
        Repair.Repaired repaired = new Repair(trial, all.size()).repair(live, first, firstWorld);
        return new Outcome(repaired.result(), repaired.world());
    }
}
