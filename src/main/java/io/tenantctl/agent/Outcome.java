package io.tenantctl.agent;

/** What one cycle of one source came to; the word is the {@code outcome} of metrics and history. */
public enum Outcome {
    /** Neither the commit nor the state moved, and nothing was approved: nothing to do. */
    UNCHANGED("unchanged", true),
    /** A plan was applied: a new revision. */
    APPLIED("applied", true),
    /** The state already matches the source. */
    UP_TO_DATE("up-to-date", true),
    /** The plan waits for approval. */
    HELD("held", true),
    /** A step falls in a class the policy never applies. */
    FORBIDDEN("forbidden", true),
    /** The manifests or the plan have errors. */
    INVALID("invalid", true),
    /** Others changed what the source applied; the drift policy is to report it. */
    DRIFT_REPORTED("drift-reported", true),
    /** The fetch failed; the next cycle tries again. */
    FETCH_FAILED("fetch-failed", false),
    /** The state moved between the plan and the apply; the next cycle plans again at once. */
    STALE("stale", false),
    /** The apply or the state failed; the next cycle tries again. */
    FAILED("failed", false),
    /** The agent is stopping and left the state as it was. */
    ABANDONED("abandoned", false);

    private final String wireName;
    private final boolean settles;

    Outcome(String wireName, boolean settles) {
        this.wireName = wireName;
        this.settles = settles;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the outcome stands until the commit or the state moves. */
    public boolean settles() {
        return settles;
    }
}
