package io.tenantctl.plan;

import java.util.Optional;

/**
 * A plan together with its digest, computed once: what the JSON document carries, what a saved
 * plan was checked against, and what the views that show the digest receive, so that none of them
 * computes it again; and how the plan was made, when that is known (plan files of earlier versions
 * do not say).
 */
public record PlanDocument(Plan plan, String digest, Optional<Provenance> made) {

    public PlanDocument(Plan plan, String digest) {
        this(plan, digest, Optional.empty());
    }

    /** The plan as made, with its digest computed now. */
    public static PlanDocument of(Plan plan) {
        return new PlanDocument(plan, PlanWriter.digestOf(plan));
    }

    /** The plan as made, how it was made, and its digest computed now. */
    public static PlanDocument of(Plan plan, Provenance made) {
        return new PlanDocument(plan, PlanWriter.digestOf(plan), Optional.of(made));
    }
}
