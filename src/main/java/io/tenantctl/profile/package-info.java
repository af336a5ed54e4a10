/**
 * The seam between the engine and an era of the world. A {@link io.tenantctl.profile.Profile}
 * holds everything that depends on which rules are in force: the rules, which steps a change
 * needs, who may do each step, what a step also does, and in which order steps are preferred.
 * The loader, the diff and the planner only talk to this interface, so a later profile (today's
 * {@code entra} rules, where a transfer removes every classic administrator) is one new class.
 */
package io.tenantctl.profile;
