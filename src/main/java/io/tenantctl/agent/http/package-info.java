/**
 * The agent's one HTTP port, on the JDK's {@code com.sun.net.httpserver}: {@code /healthz},
 * {@code /readyz}, {@code /metrics} (Prometheus text), the webhook {@code POST /hooks/git} (HMAC
 * checked as GitHub signs), the API under {@code /api/v1} (writes need the API token) and the status
 * page, one server-rendered HTML page that works without JavaScript. {@link
 * io.tenantctl.agent.http.AgentRuntime} starts the agent and this server together.
 */
package io.tenantctl.agent.http;
