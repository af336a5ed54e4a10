package io.tenantctl.diff;

import io.tenantctl.json.WireName;

/** What a plan does to one object. */
public enum ChangeAction implements WireName {
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

    @Override
    public String wireName() {
        return wireName;
    }

    public static ChangeAction fromWireName(String name) {
        return WireName.of(ChangeAction.class, name);
    }
}
