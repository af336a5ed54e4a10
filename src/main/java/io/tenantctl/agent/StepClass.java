package io.tenantctl.agent;

import io.tenantctl.step.PlannedStep;

/**
 * How much a step can hurt, for the policy: each planned step falls in exactly one class. This is
 * the one place that classifies steps; when planned steps carry a structured impact, only
 * {@link #of} changes.
 */
public enum StepClass {
    /** Creates something, or changes what holds no rights (display names, a new domain). */
    ADDITIVE("additive", "additive"),
    /** Gives an account administrator rights over something that exists. */
    PRIVILEGE_GRANTING("privilege-granting", "privilegeGranting"),
    /** Takes administrator rights away from an account. */
    PRIVILEGE_REMOVING("privilege-removing", "privilegeRemoving"),
    /** Moves a subscription to another directory (and with it who may administer it). */
    TENANCY_CHANGING("tenancy-changing", "tenancyChanging"),
    /** Deletes an object, or a domain from a tenant. */
    DESTRUCTIVE("destructive", "destructive");

    private final String wireName;
    private final String configKey;

    StepClass(String wireName, String configKey) {
        this.wireName = wireName;
        this.configKey = configKey;
    }

    /** The name in status, metrics labels and logs. */
    public String wireName() {
        return wireName;
    }

    /** The key under a source's {@code policy} in the configuration. */
    public String configKey() {
        return configKey;
    }

    /**
     * The class of a planned step, from its operation. A creation is additive even when its actor
     * becomes the new object's administrator: rights over something new give power over nothing
     * that exists. {@code SetServiceAdmin} both grants and revokes; granting is what needs a look. A
     * transfer removes the work or school co-administrators as an effect, but what it changes is
     * the directory, so it is tenancy-changing.
     */
    public static StepClass of(PlannedStep step) {
        return switch (step.step().op()) {
            case CREATE_TENANT,
                    UPDATE_TENANT,
                    ADD_DOMAIN,
                    CREATE_ACCOUNT,
                    UPDATE_ACCOUNT,
                    CREATE_SUBSCRIPTION,
                    UPDATE_SUBSCRIPTION -> ADDITIVE;
            case ADD_GLOBAL_ADMIN, SET_SERVICE_ADMIN, ADD_CO_ADMIN -> PRIVILEGE_GRANTING;
            case REMOVE_GLOBAL_ADMIN, REMOVE_CO_ADMIN -> PRIVILEGE_REMOVING;
            case TRANSFER_SUBSCRIPTION -> TENANCY_CHANGING;
            case REMOVE_DOMAIN, DELETE_TENANT, DELETE_ACCOUNT, DELETE_SUBSCRIPTION -> DESTRUCTIVE;
        };
    }
}
