/**
 * The state store over JDBC. One implementation, {@link io.tenantctl.state.jdbc.JdbcStateStore},
 * written in portable SQL, made of a part per job: {@code Bootstrap} creates and upgrades the schema
 * by the numbered migrations ({@code db/migration/V<n>__*.sql}, listed in {@code Migrations});
 * {@code Locking} holds the write lock with its timeout and retries; {@code Snapshots} reads the
 * state; {@code Commits} writes one apply; {@code AppliedRecords} keeps what each applyset applied;
 * {@code History} keeps the revisions and their steps; {@code Copies} dumps and restores a whole
 * state; {@code Batch} sends rows a thousand at a time. What differs between SQLite and PostgreSQL
 * (connecting, taking the write lock, finding who holds it) is in one
 * {@link io.tenantctl.state.jdbc.Dialect} each.
 */
package io.tenantctl.state.jdbc;
