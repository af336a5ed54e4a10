package io.tenantctl.agent.status;

/** A condition's status, spelled as Kubernetes spells it. */
public enum ConditionStatus {
    TRUE("True"),
    FALSE("False"),
    UNKNOWN("Unknown");

    private final String wireName;

    ConditionStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ConditionStatus of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public static ConditionStatus fromWireName(String name) {
        for (ConditionStatus s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown condition status " + name);
    }
}
