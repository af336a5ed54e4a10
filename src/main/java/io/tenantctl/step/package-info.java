/**
 * Steps: the operations of DESIGN.md 1.2 that change the world one at a time, each done by an
 * account that must be signed in (its actor) and holding the step's {@link io.tenantctl.step.Authority}.
 *
 * <p>A {@link io.tenantctl.step.Step} is what should happen; a {@link io.tenantctl.step.PlannedStep}
 * is a step placed in a plan with its actor and side effects. What a step means in a given era of
 * the world (who may do it, what it also does) is the profile's business, not this package's.
 */
package io.tenantctl.step;
