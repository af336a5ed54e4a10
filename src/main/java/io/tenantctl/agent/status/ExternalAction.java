package io.tenantctl.agent.status;

import java.time.Instant;

/**
 * A step someone outside tenantctl must do before the plan can go on (DESIGN.md section 8: redeem an
 * invitation, publish a DNS record). The {@code record} provider has none; the {@code entra} profile
 * and the live provider will report them here, and the status page and {@code tenantctl status}
 * already show this list.
 *
 * @param id    what {@code apply --confirm} takes
 * @param step  the step, in one line
 * @param who   who must act
 * @param since when the agent started waiting for it
 */
public record ExternalAction(String id, String step, String who, Instant since) {}
