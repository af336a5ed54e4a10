/**
 * The world as a value: every tenant, account and subscription, with the indexes the rules and
 * the planner need to answer "who owns this domain", "where is this account an administrator"
 * without scanning everything.
 *
 * <p>{@link io.tenantctl.world.World} is the immutable snapshot that stages pass around;
 * {@link io.tenantctl.world.MutableWorld} is the working copy the planner and apply simulate steps
 * on, with an undo log so that a step that would break a rule can be taken back in constant time.
 * Both answer the same queries through {@link io.tenantctl.world.WorldView}. The indexes are built
 * from references, so they also answer for objects that are referenced but missing, which is how
 * the rules find dangling references after a deletion.
 */
package io.tenantctl.world;
