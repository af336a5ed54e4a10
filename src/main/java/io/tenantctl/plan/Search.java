package io.tenantctl.plan;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.world.MutableWorld;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An exhaustive search for an order of a few steps: depth first, the steps of highest preference
 * first, every way of doing a step where the actor changes what it does (who signs up for a new
 * tenant), and a memo of the states already known to lead nowhere. A state is the steps still to
 * place and the world so far (the objects changed since the search began, with their values), so
 * two orders that reach the same world with the same steps left are explored once. It either finds
 * an order, proves that none exists, or gives up after a budget of tries.
 */
final class Search {

    /** At most this many steps are searched together (one bit each). */
    static final int MAX_STEPS = 62;

    private final Trial trial;
    private int budget;
    private boolean exhausted;

    Search(Trial trial, int budget) {
        this.trial = trial;
        this.budget = budget;
    }

    /** True when the last search gave up rather than proved there is no order. */
    boolean exhausted() {
        return exhausted;
    }

    /** Tries left, shared by every search made with this object. */
    int budget() {
        return budget;
    }

    /** A state known to lead nowhere. */
    private record State(long remaining, Map<ObjectRef, Optional<WorldObject>> world) {}

    private final class Run {
        final MutableWorld world;
        final List<Pending> steps;
        final MutableWorld.Savepoint root;
        final Set<State> dead = new HashSet<>();
        final List<Placement> path = new ArrayList<>();
        final Map<Integer, Integer> byRank = new HashMap<>();

        Run(MutableWorld world, List<Pending> steps) {
            this.world = world;
            this.steps = steps;
            this.root = world.savepoint();
            for (int i = 0; i < steps.size(); i++) {
                byRank.put(steps.get(i).rank(), i);
            }
        }

        /** Whether a temporary grant's revoke may be tried: its grant is no longer to place. */
        boolean eligible(int i, long remaining) {
            int follows = steps.get(i).follows();
            return follows < 0 || (remaining & (1L << byRank.get(follows))) == 0;
        }

        boolean search(long remaining) {
            long left = remaining;
            for (int i = 0; i < steps.size(); i++) {
                if ((left & (1L << i)) != 0
                        && eligible(i, left)
                        && trial.isDone(steps.get(i).step(), world)) {
                    left &= ~(1L << i);
                }
            }
            if (left == 0) {
                return true;
            }
            State state = new State(left, world.changedSince(root));
            if (dead.contains(state)) {
                return false;
            }
            for (int i = 0; i < steps.size(); i++) {
                if ((left & (1L << i)) == 0 || !eligible(i, left)) {
                    continue;
                }
                if (budget-- <= 0) {
                    exhausted = true;
                    return false;
                }
                Pending pending = steps.get(i);
                Trial.Ways ways = trial.ways(pending.step(), world);
                for (Trial.Way way : ways.ways()) {
                    world.begin();
                    Trial.Outcome outcome = trial.run(pending.step(), way, world);
                    if (outcome.done().isEmpty()) {
                        world.rollback();
                        continue;
                    }
                    world.commit();
                    path.add(Greedy.placement(0, pending, outcome.done().get(), world));
                    if (search(left & ~(1L << i))) {
                        return true;
                    }
                    path.remove(path.size() - 1);
                    world.rollback();
                    if (exhausted) {
                        return false;
                    }
                }
            }
            dead.add(state);
            return false;
        }
    }

    /**
     * An order of the steps from the world as it is, every step placed or dropped as done; the
     * world is left with them done. Empty when there is none (or the budget ran out: see {@link
     * #exhausted()}), and the world is then as it was.
     */
    Optional<List<Placement>> order(MutableWorld world, List<Pending> steps) {
        if (steps.size() > MAX_STEPS) {
            throw new IllegalArgumentException("too many steps to search together: " + steps.size());
        }
        exhausted = false;
        Run run = new Run(world, steps);
        if (run.search((1L << steps.size()) - 1)) {
            // each level of the path left its mark open
            world.commitTo(run.root);
            return Optional.of(List.copyOf(run.path));
        }
        world.rollbackTo(run.root);
        return Optional.empty();
    }
}
