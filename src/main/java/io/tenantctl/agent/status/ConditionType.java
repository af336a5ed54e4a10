package io.tenantctl.agent.status;

/** The conditions every source reports, as Flux and kstatus name them. */
public enum ConditionType {
    /** The source's commit is what the state holds (True), or why not (False). */
    READY("Ready"),
    /** A cycle is at work, or a plan waits for a person, to reach the source's commit. */
    RECONCILING("Reconciling"),
    /** The agent cannot go on without a change in git, the state or the policy. */
    STALLED("Stalled");

    private final String wireName;

    ConditionType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ConditionType fromWireName(String name) {
        for (ConditionType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown condition type " + name);
    }
}
