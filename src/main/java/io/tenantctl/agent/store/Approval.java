package io.tenantctl.agent.store;

import io.tenantctl.agent.status.HeldPlan;
import java.util.Optional;

/**
 * What {@code tenantctl approve} (or the status page) achieved.
 *
 * @param held the plan the source holds now, if any (the one approved, or the one that waits instead)
 */
public record Approval(Result result, Optional<HeldPlan> held) {

    /** The outcomes of an approval. */
    public enum Result {
        /** The held plan is approved now; the agent applies it in its next cycle. */
        APPROVED,
        /** Someone approved this plan already. */
        ALREADY_APPROVED,
        /** The source holds no plan. */
        NOTHING_WAITING,
        /** The source holds another plan (the state or the commit moved, and it re-planned). */
        OTHER_PLAN
    }
}
