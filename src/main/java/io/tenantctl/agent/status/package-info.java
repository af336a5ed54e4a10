/**
 * What the agent reports, as values: Kubernetes-style {@link io.tenantctl.agent.status.Condition}s
 * per source, the {@link io.tenantctl.agent.status.SourceStatus} that holds them with the observed
 * commit and revision, the {@link io.tenantctl.agent.status.HeldPlan} that waits for approval and
 * the {@link io.tenantctl.agent.status.CycleEvent}s of the history; their JSON form, which the state
 * store keeps and {@code tenantctl status -o json} prints, and the text view of {@code tenantctl
 * status}. The lowest of the agent's packages: the store, the loop and the HTTP server all use it.
 */
package io.tenantctl.agent.status;
