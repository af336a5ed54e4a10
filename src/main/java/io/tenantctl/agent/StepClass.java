package io.tenantctl.agent;

import io.tenantctl.step.Impact;
import io.tenantctl.step.PlannedStep;
import java.util.EnumSet;
import java.util.Set;

/**
 * How much a step can hurt, for the policy: each planned step falls in exactly one class. This is
 * the one place that classifies steps for the agent.
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
     * The class of a planned step, from its impact (what it and its effects do), so that any
     * profile's steps are classed alike. A creation is additive even when its actor becomes the new
     * object's administrator: rights over something new give power over nothing that exists. A
     * step that both grants and revokes (a service administrator replaced) grants, and granting is
     * what needs a look. A transfer may revoke as an effect, but what it changes is the directory,
     * so it is tenancy-changing. Removing what a step names without a role (a domain) is destructive.
     */
    public static StepClass of(PlannedStep step) {
        // A plan saved before steps carried their impact reads with none: its operation's own counts.
        Set<Impact> impact = EnumSet.noneOf(Impact.class);
        impact.addAll(step.impact());
        impact.addAll(step.step().op().impact());
        if (impact.contains(Impact.TENANCY)) {
            return TENANCY_CHANGING;
        }
        if (impact.contains(Impact.DELETE)) {
            return DESTRUCTIVE;
        }
        if (impact.contains(Impact.CREATE)) {
            return ADDITIVE;
        }
        if (impact.contains(Impact.GRANT)) {
            return PRIVILEGE_GRANTING;
        }
        if (impact.contains(Impact.REVOKE)) {
            return PRIVILEGE_REMOVING;
        }
        return step.step().op().removesSubject() ? DESTRUCTIVE : ADDITIVE;
    }
}
