/**
 * The agent's tables in the state store ({@code tc_agent_source}, {@code tc_agent_plan},
 * {@code tc_agent_event}, created by migration 3) and who leads each source: a session-level advisory
 * lock per source on PostgreSQL, one lock file per state on SQLite. It connects exactly as the state
 * store does, through {@code state.jdbc}'s {@code StateUrl} and {@code Dialect}, and keeps its SQL
 * here rather than in {@code JdbcStateStore}.
 */
package io.tenantctl.agent.store;
