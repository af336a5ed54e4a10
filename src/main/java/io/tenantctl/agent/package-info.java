/**
 * {@code tenantctl agent}: the long-running reconciler of DESIGN.md section 10. Its configuration
 * ({@link io.tenantctl.agent.ConfigReader}, validated with located diagnostics), the step classes and
 * the policy that decides what it may apply on its own ({@link io.tenantctl.agent.StepClass},
 * {@link io.tenantctl.agent.Policy}), the git fetch into a cache ({@link io.tenantctl.agent.GitFetcher}),
 * one cycle of one source ({@link io.tenantctl.agent.Reconciler}, which uses the engine only through
 * its public use cases), the loop per source with leadership and triggers
 * ({@link io.tenantctl.agent.SourceWorker}), and the process that runs them
 * ({@link io.tenantctl.agent.Agent}) with its metrics. The HTTP side lives in {@code agent.http}, the
 * tables in {@code agent.store}, the reported values in {@code agent.status}.
 */
package io.tenantctl.agent;
