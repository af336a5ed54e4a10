package io.tenantctl.plan;

import io.tenantctl.diag.Progress;
import io.tenantctl.step.Impact;
import io.tenantctl.world.Key;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Repairs a first pass that left steps blocked, in a plan too large to search whole, by learning
 * which placed step took away what a blocked step needed, and making that step wait for it.
 *
 * <p>A blocked step could only ever run if something it read had been different. So the suspects
 * are the placed steps that wrote a piece of the world the blocked step read in its last try,
 * found by doing the placed steps again (their effects only: they were proved already) while
 * watching what they change. Steps that take a role away are suspected first, then the others,
 * the latest first. For a suspect, the world is taken back to just before it, and the first pass
 * runs again from there on everything not placed yet, with the suspect made to wait for the blocked
 * step (a learned precedence). The repair is kept when fewer steps are blocked than before, with
 * every precedence learned so far; rounds repeat, up to {@link #ROUNDS}, while one helps. A round
 * costs two passes over the placed steps' effects and a first pass over the rest per suspect tried,
 * and rounds happen only when steps are blocked; all of them together run steps about as many
 * times as the plan has steps, plus {@value #EXTRA_TRIES}, and then stop.
 */
final class Repair {

    /** At most this many repairs per plan. */
    static final int ROUNDS = 16;

    /** At most this many blocked steps, the first in order of preference, are considered per round. */
    static final int BLOCKED = 32;

    /** Plans with more blocked steps than this are not repaired. */
    static final int HOPELESS = 4 * BLOCKED;

    /** At most this many suspects are tried per round. */
    static final int SUSPECTS = 24;

    /** Runs of a step the repairs may make beyond the first pass's, besides one per step of the plan. */
    static final int EXTRA_TRIES = 20_000;

    private final Trial trial;
    private final long budget;
    private final Map<Integer, List<Integer>> after = new HashMap<>();

    /** @param steps how many steps the plan has: the repairs may run about as many again, and a little more */
    Repair(Trial trial, int steps) {
        this.trial = trial;
        this.budget = trial.tries() + steps + EXTRA_TRIES;
    }

    /** A first pass's outcome and the world it leads to. */
    record Repaired(Greedy.Result result, MutableWorld world) {}

    /** A placed step suspected of taking away what a blocked step needed. */
    private record Suspect(int position, Blocked blocked, boolean revokes) {}

    /**
     * The result with as few blocked steps as repairs could make. A plan with more than {@link
     * #HOPELESS} blocked steps is not repaired: one repair places one of them at a time, and such a
     * plan's problems are in its manifests, not in its order.
     */
    Repaired repair(World live, Greedy.Result first, MutableWorld firstWorld) {
        Repaired best = new Repaired(first, firstWorld);
        if (first.blocked().size() > HOPELESS) {
            return best;
        }
        for (int round = 0; round < ROUNDS && !best.result().complete(); round++) {
            Repaired better = round(live, best.result());
            if (better == null) {
                break;
            }
            best = better;
        }
        return best;
    }

    /** One repair, or null when no suspect tried helps. */
    private Repaired round(World live, Greedy.Result result) {
        List<Suspect> suspects = suspects(live, result);
        for (boolean revokes : new boolean[] {true, false}) {
            List<Suspect> tier =
                    suspects.stream().filter(s -> s.revokes() == revokes).toList();
            if (!tier.isEmpty()) {
                Repaired repaired = tryEach(live, result, tier);
                if (repaired != null) {
                    return repaired;
                }
            }
        }
        return null;
    }

    /**
     * Does the placed steps again with a savepoint before each suspect, then goes back to each, the
     * latest first, and runs the first pass from there with the suspect waiting for its blocked step.
     */
    private Repaired tryEach(World live, Greedy.Result result, List<Suspect> suspects) {
        List<Placement> placed = result.placed();
        TreeSet<Integer> positions = new TreeSet<>();
        suspects.forEach(s -> positions.add(s.position()));
        MutableWorld world = live.toMutable();
        Map<Integer, MutableWorld.Savepoint> savepoints = new HashMap<>();
        MutableWorld.Savepoint start = null;
        for (int i = 0; i <= positions.last(); i++) {
            if (positions.contains(i)) {
                MutableWorld.Savepoint savepoint = world.savepoint();
                savepoints.put(i, savepoint);
                start = start == null ? savepoint : start;
            }
            trial.profile().effects().apply(placed.get(i).bound(), world);
        }
        for (int position : positions.descendingSet()) {
            world.rollbackTo(savepoints.get(position));
            for (Suspect suspect : suspects) {
                if (suspect.position() != position) {
                    continue;
                }
                if (trial.tries() > budget) {
                    return null; // the replayed world is dropped with what was tried on it
                }
                MutableWorld.Savepoint here = world.savepoint();
                int waiting = placed.get(position).pending().rank();
                int awaited = suspect.blocked().pending().rank();
                after.computeIfAbsent(waiting, r -> new ArrayList<>()).add(awaited);
                List<Pending> rest = new ArrayList<>();
                placed.subList(position, placed.size()).forEach(p -> rest.add(p.pending()));
                rest.addAll(result.dropped());
                result.blocked().forEach(b -> rest.add(b.pending()));
                rest.sort(Comparator.comparingInt(Pending::rank));
                Greedy.Result again = new Greedy(trial).run(world, rest, after, Progress.NONE);
                if (again.blocked().size() < result.blocked().size()) {
                    List<Placement> repaired = new ArrayList<>(placed.subList(0, position));
                    repaired.addAll(again.placed());
                    world.commitTo(start);
                    return new Repaired(new Greedy.Result(repaired, again.dropped(), again.blocked()), world);
                }
                List<Integer> learned = after.get(waiting);
                learned.remove(learned.size() - 1);
                if (learned.isEmpty()) {
                    after.remove(waiting);
                }
                world.rollbackTo(here);
            }
        }
        return null;
    }

    /**
     * The placed steps that wrote what the first blocked steps read: those that take a role away
     * first, then the latest first.
     */
    private List<Suspect> suspects(World live, Greedy.Result result) {
        List<Blocked> blocked = result.blocked().stream()
                .sorted(Comparator.comparingInt(b -> b.pending().rank()))
                .limit(BLOCKED)
                .toList();
        Map<Key, List<Blocked>> readers = new HashMap<>();
        for (Blocked b : blocked) {
            for (Key key : b.reads()) {
                readers.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
            }
        }
        List<Placement> placed = result.placed();
        Map<Integer, Set<Blocked>> hits = new TreeMap<>();
        Placement.changes(trial.profile(), live.toMutable(), placed, (position, key) -> {
            List<Blocked> readBy = readers.get(key);
            if (readBy != null) {
                hits.computeIfAbsent(position, p -> new LinkedHashSet<>()).addAll(readBy);
            }
        });
        List<Suspect> suspects = new ArrayList<>();
        hits.forEach((position, readBy) -> {
            boolean revokes = placed.get(position).step().impact().contains(Impact.REVOKE);
            readBy.forEach(b -> suspects.add(new Suspect(position, b, revokes)));
        });
        suspects.sort(Comparator.comparing((Suspect s) -> !s.revokes())
                .thenComparing(Comparator.comparingInt(Suspect::position).reversed())
                .thenComparingInt(s -> s.blocked().pending().rank()));
        return suspects.size() > SUSPECTS ? List.copyOf(suspects.subList(0, SUSPECTS)) : suspects;
    }
}
