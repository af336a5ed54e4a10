package io.tenantctl.plan;

import io.tenantctl.diag.Severity;
import io.tenantctl.profile.Profile;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.Authority;
import io.tenantctl.step.Step;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Brute force: whether some order of a few steps is legal, found by trying every order and every
 * actor, with nothing of the planner but the profile's own parts. A step is legal at a point when
 * its precondition holds, its actor holds its authority (and is an {@code --as} identity when any
 * are given), and no rule is broken on the whole world after it that was not broken before it. A
 * step that another step already did is skipped. States already known to lead nowhere (the same
 * steps left, an equal world) are not explored twice, which changes how long the oracle takes,
 * never what it answers.
 */
final class Oracle {

    private final Profile profile;
    private final List<String> as;
    private final Set<State> dead = new HashSet<>();
    private long tries;

    Oracle(Profile profile, List<String> as) {
        this.profile = profile;
        this.as = as;
    }

    private record State(Set<Integer> left, World world) {}

    /** How many steps were tried, over every call. */
    long tries() {
        return tries;
    }

    /** A legal order of the steps from the world, as the steps bound to their actors; empty if none. */
    Optional<List<Step>> order(World world, List<Step> steps) {
        Set<Integer> all = new LinkedHashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            all.add(i);
        }
        List<Step> path = new ArrayList<>();
        return search(world, steps, all, path) ? Optional.of(path) : Optional.empty();
    }

    private boolean search(World world, List<Step> steps, Set<Integer> left, List<Step> path) {
        if (left.isEmpty()) {
            return true;
        }
        State state = new State(Set.copyOf(left), world);
        if (dead.contains(state)) {
            return false;
        }
        for (int i : left) {
            Step step = steps.get(i);
            Set<Integer> rest = new LinkedHashSet<>(left);
            rest.remove(i);
            if (profile.steps().isDone(step, world)) {
                if (search(world, steps, rest, path)) {
                    return true;
                }
                continue;
            }
            if (profile.preconditions().check(step, world).isPresent()) {
                continue;
            }
            Authority authority = profile.authority().of(step, world);
            List<Optional<String>> actors = new ArrayList<>();
            if (authority.anyone()) {
                actors.add(Optional.empty());
            } else {
                for (String holder : authority.holders()) {
                    if (as.isEmpty() || as.contains(holder)) {
                        actors.add(Optional.of(holder));
                    }
                }
            }
            Set<Step> tried = new HashSet<>();
            for (Optional<String> actor : actors) {
                Step bound = profile.steps().bind(step, actor, world);
                if (!tried.add(bound)) {
                    continue;
                }
                tries++;
                Optional<World> after = legal(bound, world);
                if (after.isPresent()) {
                    path.add(bound);
                    if (search(after.get(), steps, rest, path)) {
                        return true;
                    }
                    path.remove(path.size() - 1);
                }
            }
        }
        dead.add(state);
        return false;
    }

    /** The world after the step, if no rule breaks on the whole world that held before it. */
    private Optional<World> legal(Step step, World world) {
        Set<Violation.Key> before = errors(world);
        MutableWorld next = world.toMutable();
        profile.effects().apply(step, next);
        World after = next.snapshot();
        for (Violation.Key broken : errors(after)) {
            if (!before.contains(broken)) {
                return Optional.empty();
            }
        }
        return Optional.of(after);
    }

    private Set<Violation.Key> errors(World world) {
        Set<Violation.Key> out = new HashSet<>();
        for (Violation v : profile.rules().checkAll(world)) {
            if (v.severity() == Severity.ERROR) {
                out.add(v.key());
            }
        }
        return out;
    }
}
