/**
 * The rules of the world (DESIGN.md 1.1) as checks over a {@link io.tenantctl.world.WorldView},
 * written once and used by {@code validate} on the manifests, by the planner after every simulated
 * step, and by apply on the locked live state.
 *
 * <p>Each rule looks at one object at a time and reports {@link io.tenantctl.rules.Violation}s that
 * point into that object's manifest with a JSON Pointer (and, for list entries, the entry's value,
 * because lists are kept sorted and their manifest order is not ours to know). Validation checks
 * every object ({@link io.tenantctl.rules.RuleSet#checkAll}, in chunks on every core); for the
 * planner a {@link io.tenantctl.rules.Scope} says which objects to look at: the neighbourhood of one
 * step, so that checking after every step stays linear; after a step that changes one
 * co-administrator, only that member of the subscription for the rules that judge members one by
 * one ({@link io.tenantctl.rules.Rule#checkSubscriptionMember}).
 */
package io.tenantctl.rules;
