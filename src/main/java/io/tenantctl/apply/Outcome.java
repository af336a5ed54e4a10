package io.tenantctl.apply;

/** What happened when a plan was applied; distinct from what a plan intends. */
public enum Outcome {
    /** The steps ran and a new revision was committed. */
    APPLIED,
    /** The plan had nothing to do; no revision was made. */
    NO_CHANGES,
    /** Everything ran and was checked, then rolled back as asked. */
    DRY_RUN,
    /** The plan could not be made (its diagnostics say why); nothing changed. */
    PLAN_FAILED,
    /** The user did not confirm; nothing changed. */
    DECLINED,
    /** A saved plan was made against another lineage or revision; nothing changed. */
    STALE,
    /** A step no longer holds against the live state; nothing changed. */
    STEP_FAILED,
    /**
     * The steps before the first external action not yet done were applied (when there were any),
     * and the apply waits for that action and those right after it ({@link ApplyResult#awaited()}):
     * confirm them with {@code --confirm ID} and apply again to go on.
     */
    AWAITING,
    /**
     * A live provider's request failed: the steps before it changed real tenants and are recorded;
     * the failed step and those after it were not done. Applying the same plan again resumes.
     */
    REQUEST_FAILED
}
