package io.tenantctl.plan;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Severity;
import io.tenantctl.model.Names;
import io.tenantctl.profile.Profile;
import io.tenantctl.rules.Scope;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.Authority;
import io.tenantctl.step.Effect;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Refusal;
import io.tenantctl.step.Step;
import io.tenantctl.world.MutableWorld;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one step on a working world and proves it legal: the rules in the step's neighbourhood
 * show no violation after it that was not there before. Used by the planner to find an order and
 * by apply to re-check every saved step against the locked live state.
 */
public final class StepRunner {

    private final Profile profile;

    public StepRunner(Profile profile) {
        this.profile = profile;
    }

    /** The effects of a step and the rules it newly breaks. */
    public record Check(List<Effect> effects, List<Violation> broken) {}

    /**
     * Runs a step and compares the rules around it before and after. The world is left with the
     * step applied and its undo log open: the caller commits or rolls back.
     */
    public Check run(Step step, MutableWorld world) {
        Scope scope = profile.steps().scope(step, world);
        world.begin();
        List<Effect> effects = profile.effects().apply(step, world);
        List<Violation> after = profile.rules().check(world, scope);
        if (after.isEmpty()) {
            // The usual case: nothing is wrong around the step afterwards, so nothing it broke.
            return new Check(effects, List.of());
        }
        // Something is wrong: it only counts if it was not already wrong before the step. Look
        // at the world before it, then do the step again (steps are deterministic).
        world.rollback();
        Set<Violation.Key> before = new HashSet<>();
        for (Violation v : profile.rules().check(world, scope)) {
            before.add(v.key());
        }
        world.begin();
        profile.effects().apply(step, world);
        List<Violation> broken = new ArrayList<>(0);
        for (Violation v : after) {
            if (!before.contains(v.key())) {
                broken.add(v);
            }
        }
        broken.sort(Comparator.comparing(Violation::code).thenComparing(Violation::message));
        return new Check(effects, broken);
    }

    /**
     * Re-checks a planned step exactly as planned: its precondition, that its actor holds the
     * authority now, and the rules. On success the world has the step applied; otherwise it is
     * unchanged and the reason is returned.
     */
    public Optional<Violation> replay(PlannedStep planned, MutableWorld world) {
        Step step = planned.step();
        Optional<Refusal> refusal = profile.preconditions().check(step, world);
        if (refusal.isPresent()) {
            return Optional.of(
                    problem(planned, refusal.get().code(), refusal.get().message()));
        }
        Authority authority = profile.authority().of(step, world);
        if (!authority.anyone()) {
            Optional<String> actor = planned.actor().map(Names::key);
            if (actor.isEmpty() || !authority.holders().contains(actor.get())) {
                return Optional.of(problem(
                        planned,
                        Codes.UNAUTHORIZED,
                        planned.actor().orElse("nobody") + " does not hold " + authority.description()
                                + " at this point"));
            }
        }
        Check check = run(step, world);
        if (!check.broken().isEmpty()) {
            world.rollback();
            Violation first = check.broken().get(0);
            return Optional.of(
                    problem(planned, Codes.NO_LEGAL_ORDER, "would break " + first.code() + ": " + first.message()));
        }
        world.commit();
        return Optional.empty();
    }

    private static Violation problem(PlannedStep planned, String code, String why) {
        return new Violation(
                Severity.ERROR,
                code,
                "step " + planned.index() + " (" + planned.step().describe() + ") can no longer be applied: " + why,
                planned.step().target(),
                "",
                Optional.empty());
    }
}
