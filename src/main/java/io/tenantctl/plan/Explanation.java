package io.tenantctl.plan;

import io.tenantctl.diag.Progress;
import io.tenantctl.model.Names;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.profile.Profile;
import io.tenantctl.profile.TemporaryGrant;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.Authority;
import io.tenantctl.step.Effect;
import io.tenantctl.step.Impact;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Role;
import io.tenantctl.step.Step;
import io.tenantctl.step.Subject;
import io.tenantctl.world.Key;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.Tracker;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Says why a plan has no order: once per root cause, with what change to the manifests would
 * unblock it when the planner can find one.
 *
 * <p><b>Root causes.</b> A blocked step waits for another blocked step when doing the other (its
 * effects only, as if it had been allowed) makes it able to run. A step that waits for no other is
 * a root; each of the others is counted under the root it waits for, directly or through others,
 * and not reported on its own ("and N steps that wait for it").
 *
 * <p><b>What would unblock a root</b> is computed, not guessed: the plan is made again without one
 * of the revokes that changed what the root read (as if that revoke were left for a next apply),
 * or without the root itself when it is a revoke nobody allowed can do, and with one more grant,
 * to an account the manifests declare, that the profile says would let it act; the first variant
 * in which the root finds its place (or, without it, the plan its order) is said. Variants
 * are tried for the first {@link #SUGGESTED} roots of a plan of at most {@link
 * Alternatives#PLAN_LIMIT} steps, at most {@link #VARIANTS} of each kind.
 */
final class Explanation {

    /** Roots given a suggestion. */
    static final int SUGGESTED = 3;

    /** Variants of each kind tried per root. */
    static final int VARIANTS = 8;

    /** Pairs of blocked steps tested for whether one waits for the other. */
    static final int WAIT_TESTS = 2_000;

    private final Alternatives run;

    Explanation(Alternatives run) {
        this.run = run;
    }

    /** A blocked step that waits for no other blocked step, and those that wait for it. */
    record Root(Blocked step, List<Blocked> waiting) {}

    /** A change to the manifests that would unblock a root: which change, and in words. */
    private record Unblock(String change, String words) {}

    /**
     * One violation per root cause, located at the manifest line that asked for its step. Roots
     * that the same change would unblock are one cause: the first says it, and counts the others.
     */
    List<Violation> explain(List<Step> steps, Alternatives.Attempt attempt) {
        List<Root> roots = roots(run.trial(), attempt);
        boolean vary = Alternatives.worthTrying(attempt.pending().size());
        List<Optional<Unblock>> unblocks = new ArrayList<>();
        Map<String, Integer> firstWith = new HashMap<>();
        int[] counted = new int[roots.size()];
        boolean[] merged = new boolean[roots.size()];
        for (int i = 0; i < roots.size(); i++) {
            Optional<Unblock> unblock =
                    vary && i < SUGGESTED ? unblock(steps, attempt, roots.get(i)) : Optional.empty();
            unblocks.add(unblock);
            counted[i] = roots.get(i).waiting().size();
            if (unblock.isPresent()) {
                Integer first = firstWith.putIfAbsent(unblock.get().change(), i);
                if (first != null) {
                    merged[i] = true;
                    counted[first] += 1 + counted[i];
                }
            }
        }
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            if (merged[i]) {
                continue;
            }
            Violation why = roots.get(i).step().why();
            StringBuilder message = new StringBuilder(why.message());
            if (counted[i] > 0) {
                message.append(" (and ")
                        .append(counted[i])
                        .append(counted[i] == 1 ? " step that waits" : " steps that wait")
                        .append(" for it)");
            }
            unblocks.get(i).ifPresent(u -> message.append(". To unblock it: ").append(u.words()));
            out.add(new Violation(
                    why.severity(), why.code(), message.toString(), why.subject(), why.pointer(), why.element()));
        }
        return out;
    }

    // ---------------------------------------------------------------- root causes

    /** The roots, in order of preference, each with the blocked steps that wait for it. */
    static List<Root> roots(Trial trial, Alternatives.Attempt attempt) {
        List<Blocked> blocked = attempt.result().blocked().stream()
                .sorted(Comparator.comparingInt(b -> b.pending().rank()))
                .toList();
        int n = blocked.size();
        MutableWorld world = attempt.world();
        Map<Key, List<Integer>> writers = new HashMap<>();
        for (int j = 0; j < n; j++) {
            int writer = j;
            forced(
                    trial.profile(),
                    blocked.get(j).pending().step(),
                    world,
                    key -> writers.computeIfAbsent(key, k -> new ArrayList<>()).add(writer));
        }
        int[] waitsFor = new int[n];
        int tests = 0;
        for (int i = 0; i < n; i++) {
            waitsFor[i] = -1;
            TreeSet<Integer> candidates = new TreeSet<>();
            for (Key read : blocked.get(i).reads()) {
                candidates.addAll(writers.getOrDefault(read, List.of()));
            }
            candidates.remove(i);
            for (int j : candidates) {
                if (tests++ >= WAIT_TESTS) {
                    break;
                }
                if (runsAfter(
                        trial,
                        blocked.get(i).pending().step(),
                        blocked.get(j).pending().step(),
                        world)) {
                    waitsFor[i] = j;
                    break;
                }
            }
        }
        Map<Integer, List<Blocked>> under = new HashMap<>();
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int root = rootOf(i, waitsFor);
            if (root == i) {
                roots.add(i);
            } else {
                under.computeIfAbsent(root, r -> new ArrayList<>()).add(blocked.get(i));
            }
        }
        List<Root> out = new ArrayList<>();
        for (int root : roots) {
            out.add(new Root(blocked.get(root), under.getOrDefault(root, List.of())));
        }
        return out;
    }

    /** Follows what each step waits for; in a cycle, the first step of the cycle is the root. */
    private static int rootOf(int step, int[] waitsFor) {
        Set<Integer> seen = new LinkedHashSet<>();
        int at = step;
        while (waitsFor[at] >= 0 && seen.add(at)) {
            at = waitsFor[at];
        }
        if (waitsFor[at] < 0) {
            return at;
        }
        // a cycle: its smallest member (the first in order of preference) is the root
        int min = at;
        int walk = waitsFor[at];
        while (walk != at) {
            min = Math.min(min, walk);
            walk = waitsFor[walk];
        }
        return min;
    }

    /** Whether the step can run once the other has done what it does (allowed or not). */
    private static boolean runsAfter(Trial trial, Step step, Step other, MutableWorld world) {
        Profile profile = trial.profile();
        if (profile.preconditions().check(other, world).isPresent()) {
            return false;
        }
        MutableWorld.Savepoint savepoint = world.savepoint();
        try {
            profile.effects().apply(bound(profile, other, world), world);
            return trial.first(step, world).done().isPresent();
        } finally {
            world.rollbackTo(savepoint);
        }
    }

    /** Tells what the step would change if it were done now (nothing if its precondition does not hold). */
    private static void forced(Profile profile, Step step, MutableWorld world, Consumer<Key> out) {
        if (profile.preconditions().check(step, world).isPresent()) {
            return;
        }
        MutableWorld.Savepoint savepoint = world.savepoint();
        world.track(Tracker.ofChanges(out));
        try {
            profile.effects().apply(bound(profile, step, world), world);
        } finally {
            world.track(null);
            world.rollbackTo(savepoint);
        }
    }

    /** The step as its first holder would do it, allowed or not (a sign-up needs someone to sign up). */
    private static Step bound(Profile profile, Step step, WorldView world) {
        Authority authority = profile.authority().of(step, world);
        Optional<String> actor = authority.holders().stream().findFirst();
        if (actor.isEmpty() && step.subject() instanceof Subject.SignUp s) {
            actor = s.tenant().globalAdministrators().stream().findFirst();
        }
        return profile.steps().bind(step, actor, world);
    }

    // ---------------------------------------------------------------- what would unblock a root

    private Optional<Unblock> unblock(List<Step> steps, Alternatives.Attempt attempt, Root root) {
        Step blocked = root.step().pending().step();
        if (blocked.op().impact().contains(Impact.REVOKE)
                && blocked.op().role().isPresent()
                && blocked.account().isPresent()) {
            // A revoke nobody allowed can do: the plan without it, if that has an order.
            List<Step> without = new ArrayList<>(steps);
            without.remove(blocked);
            if (run.schedule(without, attempt.grants(), Progress.NONE).complete()) {
                return Optional.of(new Unblock(
                        "without " + blocked.describe(),
                        attempt.world().display(Names.key(blocked.account().get())) + " would have to stay a "
                                + blocked.op().role().get() + " of " + blocked.target()
                                + ": keep it in this apply and remove it in the next one"));
            }
        }
        for (Placement revoke : revokes(attempt, root)) {
            List<Step> without = new ArrayList<>(steps);
            without.remove(revoke.pending().step());
            Optional<Integer> at =
                    run.schedule(without, attempt.grants(), Progress.NONE).indexOf(blocked);
            Optional<String> kept = kept(revoke.step(), attempt.world());
            if (at.isPresent() && kept.isPresent()) {
                return Optional.of(new Unblock(
                        "without " + revoke.step().step().describe(),
                        kept.get() + " while step " + at.get()
                                + " runs: keep it in this apply and remove it in the next one"));
            }
        }
        int tried = 0;
        for (String account : candidates(run, root, attempt.world())) {
            for (TemporaryGrant grant : run.trial()
                    .profile()
                    .authority()
                    .temporaryGrants(
                            blocked, account, attempt.world(), run.changes().desired())) {
                if (tried++ >= VARIANTS) {
                    return Optional.empty();
                }
                List<Step> with = new ArrayList<>(steps);
                with.add(grant.grant());
                Optional<Integer> at =
                        run.schedule(with, attempt.grants(), Progress.NONE).indexOf(blocked);
                if (at.isPresent()) {
                    return Optional.of(new Unblock(
                            "with " + grant.grant().describe(),
                            attempt.world().display(account) + " would have to be a " + grant.role() + " of "
                                    + grant.object() + " while step " + at.get()
                                    + " runs: make it one in this apply and remove it in the next one"
                                    + " (or let the plan do both: --allow-temporary-grants)"));
                }
            }
        }
        return Optional.empty();
    }

    /** The placed revokes that changed what the root read: the latest first. */
    private List<Placement> revokes(Alternatives.Attempt attempt, Root root) {
        Set<Key> reads = root.step().reads();
        List<Placement> placed = attempt.result().placed();
        List<Placement> out = new ArrayList<>();
        TreeSet<Integer> wrote = new TreeSet<>();
        Placement.changes(run.trial().profile(), run.live().toMutable(), placed, (position, key) -> {
            if (reads.contains(key)) {
                wrote.add(position);
            }
        });
        for (int position : wrote) {
            if (placed.get(position).step().impact().contains(Impact.REVOKE)) {
                out.add(placed.get(position));
            }
        }
        List<Placement> latest = new ArrayList<>();
        for (int i = out.size() - 1; i >= 0 && latest.size() < VARIANTS; i--) {
            latest.add(out.get(i));
        }
        return latest;
    }

    /** "x would have to be a global administrator of Tenant/t": what a revoke takes away, in words. */
    private static Optional<String> kept(PlannedStep revoke, WorldView world) {
        Step step = revoke.step();
        if (step.op().impact().contains(Impact.REVOKE)
                && step.op().role().isPresent()
                && step.account().isPresent()) {
            return Optional.of(phrase(step.account().get(), step.op().role().get(), step.target()));
        }
        for (Effect effect : revoke.effects()) {
            if (effect instanceof Effect.RoleChanged r && r.change() == Effect.Change.REVOKED) {
                return Optional.of(phrase(world.display(r.account()), r.role(), r.object()));
            }
        }
        return Optional.empty();
    }

    private static String phrase(String account, Role role, ObjectRef object) {
        return account + " would have to be a " + role + " of " + object;
    }

    /**
     * The accounts a grant may go to, those the root's last try looked at first (the accounts it
     * read, and those its step names), then the others by sign-in name.
     */
    static List<String> candidates(Alternatives run, Root root, WorldView world) {
        List<String> allowed = run.grantees();
        LinkedHashSet<String> out = new LinkedHashSet<>();
        root.step().pending().step().accountKey().filter(allowed::contains).ifPresent(out::add);
        TreeSet<String> read = new TreeSet<>();
        for (Key key : root.step().reads()) {
            if (key.space() == Key.Space.ACCOUNT && allowed.contains(Names.key(key.name()))) {
                read.add(Names.key(key.name()));
            }
        }
        out.addAll(read);
        out.addAll(allowed);
        return new ArrayList<>(out);
    }
}
