/**
 * The seam between the engine and an era of the world. A {@link io.tenantctl.profile.Profile} is a
 * value made of parts: its {@link io.tenantctl.rules.RuleSet}, a {@link io.tenantctl.profile.StepCatalogue}
 * (which steps a change needs, their priorities and scopes), {@link io.tenantctl.profile.Preconditions},
 * an {@link io.tenantctl.profile.AuthorityPolicy} (who may act, already in order of preference) and
 * {@link io.tenantctl.profile.Effects}. The loader, the diff, the planner and apply only talk to
 * these parts; {@link io.tenantctl.profile.Profiles} finds the profiles of the build, so that nothing
 * outside this package names one. A profile is one subpackage ({@code profile.classic}); a later one
 * reuses the parts that stay the same.
 */
package io.tenantctl.profile;
