package io.tenantctl.agent.status;

import java.time.Instant;

/**
 * One condition of a source, as Kubernetes writes them.
 *
 * @param reason             one CamelCase word for programs ({@code Applied}, {@code AwaitingApproval})
 * @param message            one or more lines for people
 * @param lastTransitionTime when {@code status} last changed (not when the condition was last written)
 */
public record Condition(
        ConditionType type, ConditionStatus status, String reason, String message, Instant lastTransitionTime) {

    /** This condition as now reported: the transition time moves only when the status changes. */
    public Condition next(ConditionStatus status, String reason, String message, Instant now) {
        return new Condition(type, status, reason, message, status == this.status ? lastTransitionTime : now);
    }

    public boolean isTrue() {
        return status == ConditionStatus.TRUE;
    }
}
