/**
 * The state store: the system of record for the live world, its lineage and revision, and the
 * history of applies. {@link io.tenantctl.state.StateStore} is the port the engine talks to;
 * {@code state.jdbc} is its one implementation, over JDBC, with an SQLite and a PostgreSQL dialect.
 *
 * <p>The state package knows nothing of plans: a revision's steps are stored as the JSON the plan
 * codec made of them.
 */
package io.tenantctl.state;
