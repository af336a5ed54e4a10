package io.tenantctl.agent;

/** What a source's policy does with the steps of one class. */
public enum PolicyAction {
    /** The agent applies them. */
    AUTO("auto"),
    /** The plan waits until someone approves it ({@code tenantctl approve}, or the status page). */
    APPROVE("approve"),
    /** The agent never applies them: the source is Stalled until the manifests or the policy change. */
    NEVER("never");

    private final String wireName;

    PolicyAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
