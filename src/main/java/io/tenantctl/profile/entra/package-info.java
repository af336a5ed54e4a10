/**
 * The {@code entra} profile: today's world (DESIGN.md 8). Tenants have guests (invited, then
 * redeemed), custom domains added then verified, global administrators who may elevate their access;
 * Azure subscriptions have owners (role assignments) and change directory in two steps, a request
 * by an owner and an acceptance in the target, which deletes every role assignment and makes the
 * accepting account the owner. {@code EntraProfile} puts the parts together; the parts reuse
 * classic's where a step means the same ({@code ClassicOp} values, classic's effects on accounts and
 * global administrators, its preconditions and authority for accounts).
 */
package io.tenantctl.profile.entra;
