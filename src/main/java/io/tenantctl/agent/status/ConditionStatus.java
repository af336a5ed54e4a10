package io.tenantctl.agent.status;

import io.tenantctl.json.WireName;

/** A condition's status, spelled as Kubernetes spells it. */
public enum ConditionStatus implements WireName {
    TRUE("True"),
    FALSE("False"),
    UNKNOWN("Unknown");

    private final String wireName;

    ConditionStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static ConditionStatus of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public static ConditionStatus fromWireName(String name) {
        return WireName.of(ConditionStatus.class, name);
    }
}
