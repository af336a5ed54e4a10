/**
 * From a change set to an ordered, proven plan. The {@link io.tenantctl.plan.Planner} turns
 * changes into steps through the profile, then schedules them: it repeatedly runs the preferred
 * step that is legal now on a working copy of the world, choosing its actor and checking every
 * rule in the step's neighbourhood before and after it; a step that would break a rule is undone
 * and retried later. What is left when no step can run is reported, each with why.
 *
 * <p>{@link io.tenantctl.plan.Plan} is the value every view renders and the saved plan file holds;
 * {@link io.tenantctl.plan.PlanWriter} writes its JSON form (DESIGN.md section 4), with the digest
 * that makes a saved plan tamper-evident, and {@link io.tenantctl.plan.PlanReader} reads it back;
 * {@link io.tenantctl.plan.PlanDocument} is a plan with its digest, computed once.
 */
package io.tenantctl.plan;
