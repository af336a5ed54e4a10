/**
 * Applying a plan: one transaction of the state store that takes the write lock, checks that the
 * state is still the one the plan was made against, re-checks every step against the locked live
 * world exactly as planned, and commits the new world with its history record, or changes nothing.
 */
package io.tenantctl.apply;
