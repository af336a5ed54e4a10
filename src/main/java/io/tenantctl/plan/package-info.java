/**
 * From a change set to an ordered, proven plan. The {@link io.tenantctl.plan.Planner} turns
 * changes into steps through the profile, then schedules them on a working copy of the world: a
 * first pass that always runs the preferred step that is legal now and retries a waiting step only
 * when something it read changed ({@code Greedy}); an exhaustive search for small plans and learned
 * precedences for larger ones when steps are left blocked ({@code Lookahead}, {@code Search},
 * {@code Repair}); with {@code --allow-temporary-grants}, a role given and taken back where no
 * order exists otherwise ({@code TemporaryGrants}). What is still blocked is reported once per root
 * cause, with what change to the manifests would unblock it ({@code Explanation}). Every step is
 * proved where it is placed: its precondition, its actor's authority, and every rule in its
 * neighbourhood before and after it ({@link io.tenantctl.plan.StepRunner}).
 *
 * <p>{@link io.tenantctl.plan.Plan} is the value every view renders and the saved plan file holds;
 * {@link io.tenantctl.plan.PlanWriter} writes its JSON form (DESIGN.md section 4), with the digest
 * that makes a saved plan tamper-evident, and {@link io.tenantctl.plan.PlanReader} reads it back;
 * {@link io.tenantctl.plan.PlanDocument} is a plan with its digest, computed once.
 */
package io.tenantctl.plan;
