package io.tenantctl.plan;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Progress;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.Key;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.Tracker;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scheduler's first pass: it always runs the step of highest preference that can run now, and
 * tries a step that could not run again only when something it read changed.
 *
 * <p>Steps are in order of preference. The pass takes the first step that is ready; if another
 * step's effect already did it, it is dropped; if it runs (its precondition holds, an allowed actor
 * holds its authority, and no rule breaks around it), it is placed. If it cannot run, it waits on
 * every piece of the world its try read ({@link Key}: an object, or an index entry such as "who
 * claims this domain"), recorded by the working world as it was read. A placed step wakes the steps
 * waiting on the pieces it changed, and they are ready again at their own place in the order: a
 * grant that a placed step made possible runs before the revokes still waiting for their turn.
 * Trying a step again when nothing it read changed would fail the same way (every check is a
 * function of what it reads), so no try is wasted and the pass is linear in the number of steps and
 * of wake-ups. What waits at the end is blocked, each with the reason of its last try.
 */
final class Greedy {

    private static final byte READY = 0;
    private static final byte WAITING = 1;
    private static final byte PLACED = 2;
    private static final byte DROPPED = 3;

    private final Trial trial;

    Greedy(Trial trial) {
        this.trial = trial;
    }

    /** What the pass placed, in order, and what it could not. */
    record Result(List<Placement> placed, List<Pending> dropped, List<Blocked> blocked) {

        boolean complete() {
            return blocked.isEmpty();
        }
    }

    /**
     * Schedules the steps, in order of preference, on the world, which is left with the placed
     * steps done.
     */
    Result run(MutableWorld world, List<Pending> steps, Progress progress) {
        return run(world, steps, Map.of(), progress);
    }

    /**
     * As {@link #run(MutableWorld, List, Progress)}, where a step may also have to wait for others
     * to be placed first: {@code after} maps a step's rank to the ranks it comes after (a temporary
     * grant's revoke comes after its grant without it being said here). Ranks not among the steps
     * are already placed.
     */
    Result run(MutableWorld world, List<Pending> steps, Map<Integer, List<Integer>> after, Progress progress) {
        int n = steps.size();
        Map<Integer, Integer> byRank = new HashMap<>();
        boolean ordered = !after.isEmpty();
        for (int i = 0; i < n && !ordered; i++) {
            ordered = steps.get(i).follows() >= 0;
        }
        if (ordered) {
            for (int i = 0; i < n; i++) {
                byRank.put(steps.get(i).rank(), i);
            }
        }
        byte[] state = new byte[n];
        int[] generation = new int[n];
        Violation[] failure = new Violation[n];
        Map<Integer, Set<Key>> readsOf = new HashMap<>();
        Map<Key, List<Long>> waiting = new HashMap<>();
        Map<Integer, List<Integer>> followers = new HashMap<>();
        BitSet ready = new BitSet(n);
        ready.set(0, n);
        KeyLog reads = new KeyLog();
        KeyLog writes = new KeyLog();
        world.track(new Tracker() {
            @Override
            public void read(Key.Space space, String name) {
                reads.add(space, name);
            }

            @Override
            public void wrote(Key.Space space, String name) {
                writes.add(space, name);
            }
        });
        List<Placement> placed = new ArrayList<>();
        List<Pending> dropped = new ArrayList<>();
        int lowest = 0;
        try {
            for (int i = ready.nextSetBit(lowest); i >= 0; i = ready.nextSetBit(lowest)) {
                ready.clear(i);
                lowest = i;
                Pending pending = steps.get(i);
                if (ordered) {
                    Integer first = firstAwaited(pending, after, byRank, state);
                    if (first != null) {
                        state[i] = WAITING;
                        failure[i] = Trial.blocked(
                                pending.step(),
                                Codes.NO_LEGAL_ORDER,
                                "waits for " + steps.get(first).step().describe());
                        followers.computeIfAbsent(first, g -> new ArrayList<>()).add(i);
                        continue;
                    }
                }
                reads.clear();
                writes.clear();
                if (trial.isDone(pending.step(), world)) {
                    state[i] = DROPPED;
                    dropped.add(pending);
                    progress.advance(1);
                    if (!followers.isEmpty()) {
                        lowest = wake(followers.remove(i), state, ready, lowest);
                    }
                    continue;
                }
                Trial.Outcome outcome = trial.first(pending.step(), world);
                if (outcome.done().isPresent()) {
                    world.commit();
                    state[i] = PLACED;
                    placed.add(
                            placement(placed.size() + 1, pending, outcome.done().get(), world));
                    progress.advance(1);
                    lowest = wake(writes, waiting, state, generation, ready, lowest);
                    if (!followers.isEmpty()) {
                        lowest = wake(followers.remove(i), state, ready, lowest);
                    }
                } else {
                    // Try again, watching what it reads: the same try gives the same failure (every
                    // check is a function of what it reads), and most tries never need to know.
                    reads.clear();
                    world.watchReads(true);
                    trial.isDone(pending.step(), world);
                    outcome = trial.first(pending.step(), world);
                    world.watchReads(false);
                    if (outcome.done().isPresent()) {
                        throw new IllegalStateException("a step changed its outcome on a second try: " + pending);
                    }
                    state[i] = WAITING;
                    failure[i] = outcome.failure().orElseThrow();
                    generation[i]++;
                    Set<Key> keys = reads.toSet();
                    readsOf.put(i, keys);
                    long entry = ((long) generation[i] << 32) | i;
                    for (Key key : keys) {
                        waiting.computeIfAbsent(key, k -> new ArrayList<>(2)).add(entry);
                    }
                }
            }
        } finally {
            world.track(null);
        }
        List<Blocked> blocked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (state[i] == WAITING) {
                blocked.add(new Blocked(steps.get(i), failure[i], readsOf.getOrDefault(i, Set.of())));
            }
        }
        return new Result(placed, dropped, blocked);
    }

    /** The first step this one must come after that is not placed yet, if any. */
    private static Integer firstAwaited(
            Pending pending, Map<Integer, List<Integer>> after, Map<Integer, Integer> byRank, byte[] state) {
        List<Integer> ranks = new ArrayList<>(after.getOrDefault(pending.rank(), List.of()));
        if (pending.follows() >= 0) {
            ranks.add(pending.follows());
        }
        for (int rank : ranks) {
            Integer local = byRank.get(rank);
            if (local != null && state[local] != PLACED && state[local] != DROPPED) {
                return local;
            }
        }
        return null;
    }

    static Placement placement(int index, Pending pending, Trial.Done done, MutableWorld world) {
        Trial.Way way = done.way();
        return new Placement(
                pending,
                way.bound(),
                PlannedStep.of(
                        index,
                        Trial.shown(way.bound(), world),
                        way.actor().map(world::display),
                        way.authority(),
                        done.effects(),
                        pending.temporary()));
    }

    /** Makes ready the steps waiting on what was written, that still wait for the same try. */
    private static int wake(
            KeyLog written, Map<Key, List<Long>> waiting, byte[] state, int[] generation, BitSet ready, int lowest) {
        if (waiting.isEmpty() || written.isEmpty()) {
            return lowest;
        }
        int[] low = {lowest};
        written.forEach((space, name) -> {
            List<Long> entries = waiting.remove(new Key(space, name));
            if (entries == null) {
                return;
            }
            for (long entry : entries) {
                int step = (int) entry;
                if (state[step] == WAITING && generation[step] == (int) (entry >>> 32)) {
                    state[step] = READY;
                    ready.set(step);
                    low[0] = Math.min(low[0], step);
                }
            }
        });
        return low[0];
    }

    private static int wake(List<Integer> steps, byte[] state, BitSet ready, int lowest) {
        if (steps == null) {
            return lowest;
        }
        for (int step : steps) {
            state[step] = READY;
            ready.set(step);
            lowest = Math.min(lowest, step);
        }
        return lowest;
    }
}
