package io.tenantctl.profile;

import io.tenantctl.diff.Change;
import io.tenantctl.rules.RuleSet;
import io.tenantctl.rules.Scope;
import io.tenantctl.step.Authority;
import io.tenantctl.step.Refusal;
import io.tenantctl.step.Step;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.WorldView;
import java.util.List;
import java.util.Optional;

/** The rules and step semantics of one era of the world. */
public interface Profile {

    /** The name users select it by ({@code classic}). */
    String name();

    RuleSet rules();

    /**
     * The steps one change needs, in no particular order.
     *
     * @param live    the world before the plan
     * @param desired the world the plan must reach
     */
    List<Step> steps(Change change, WorldView live, WorldView desired);

    /** Preference among steps that could run: lower first (grants before revokes, contents before containers). */
    int priority(Step step);

    /** True when the world already is as the step would make it (another step's side effect did it). */
    boolean isDone(Step step, WorldView world);

    /** Why the step cannot run now regardless of who does it, if so. */
    Optional<Refusal> precondition(Step step, WorldView world);

    /** Who may do the step now. */
    Authority authority(Step step, WorldView world);

    /** The step as done by this actor (a tenant's sign-up records who signed up). */
    Step bind(Step step, Optional<String> actor, WorldView world);

    /** What the step changes, for checking the rules before and after it. */
    Scope scope(Step step, WorldView world);

    /** Does the step; returns its side effects in words. The step must have passed its precondition. */
    List<String> apply(Step step, MutableWorld world);
}
