package io.tenantctl.agent;

/** What the agent does when others changed what a source applied, while its commit stayed. */
public enum DriftPolicy {
    /** Say so (conditions, metrics, history) and leave it. */
    REPORT("report"),
    /** Apply the source again, under its policy, which puts the objects back. */
    REVERT("revert");

    private final String wireName;

    DriftPolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
