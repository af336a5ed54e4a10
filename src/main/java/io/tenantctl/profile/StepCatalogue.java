package io.tenantctl.profile;

import io.tenantctl.diff.Change;
import io.tenantctl.rules.Scope;
import io.tenantctl.step.Op;
import io.tenantctl.step.Step;
import io.tenantctl.world.WorldView;
import java.util.List;
import java.util.Optional;

/** A profile's steps: which a change needs, which are preferred first, and what each touches. */
public interface StepCatalogue {

    /** Every operation the profile's steps use; plan files name them by {@link Op#wireName()}. */
    List<Op> operations();

    /**
     * The steps one change needs, in no particular order.
     *
     * @param live    the world before the plan
     * @param desired the world the plan must reach
     */
    List<Step> steps(Change change, WorldView live, WorldView desired);

    /**
     * Preference among steps that could run: lower first (grants before revokes, contents before
     * containers).
     *
     * @param live    the world before the plan
     * @param desired the world the plan must reach
     */
    int priority(Step step, WorldView live, WorldView desired);

    /** True when the world already is as the step would make it (another step's side effect did it). */
    boolean isDone(Step step, WorldView world);

    /** The step as done by this actor (a tenant's sign-up records who signed up). */
    Step bind(Step step, Optional<String> actor, WorldView world);

    /** What the step changes, for checking the rules before and after it. */
    Scope scope(Step step, WorldView world);
}
