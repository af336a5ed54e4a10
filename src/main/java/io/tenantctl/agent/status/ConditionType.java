package io.tenantctl.agent.status;

import io.tenantctl.json.WireName;

/** The conditions every source reports, as Flux and kstatus name them. */
public enum ConditionType implements WireName {
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

    @Override
    public String wireName() {
        return wireName;
    }

    public static ConditionType fromWireName(String name) {
        return WireName.of(ConditionType.class, name);
    }
}
