/**
 * The state store over JDBC. One implementation, {@link io.tenantctl.state.jdbc.JdbcStateStore},
 * written in portable SQL; what differs between SQLite and PostgreSQL (connecting, taking the
 * write lock, finding who holds it) is in one {@link io.tenantctl.state.jdbc.Dialect} each.
 * The schema is created and upgraded by numbered migrations ({@code db/migration/V<n>__*.sql}).
 */
package io.tenantctl.state.jdbc;
