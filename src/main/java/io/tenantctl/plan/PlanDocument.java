package io.tenantctl.plan;

/**
 * A plan together with its digest, computed once: what the JSON document carries, what a saved
 * plan was checked against, and what the views that show the digest receive, so that none of them
 * computes it again.
 */
public record PlanDocument(Plan plan, String digest) {

    /** The plan as made, with its digest computed now. */
    public static PlanDocument of(Plan plan) {
        return new PlanDocument(plan, PlanWriter.digestOf(plan));
    }
}
