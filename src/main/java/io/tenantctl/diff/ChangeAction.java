package io.tenantctl.diff;

/** What a plan does to one object. */
public enum ChangeAction {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete"),
    /** In the manifests and already as asked. */
    UNCHANGED("unchanged"),
    /** In the state but not in the manifests, and not pruned: left as it is. */
    KEEP("keep");

    private final String wireName;

    ChangeAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ChangeAction fromWireName(String name) {
        for (ChangeAction action : values()) {
            if (action.wireName.equals(name)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown change action " + name);
    }
}
