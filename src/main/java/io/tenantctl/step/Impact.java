package io.tenantctl.step;

import io.tenantctl.json.WireName;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a placed step does that a reviewer must see, computed once from the step and its effects
 * ({@link PlannedStep#impact()}): a {@code SetServiceAdmin} that replaces a service administrator
 * both grants and revokes; a transfer changes tenancy, and revokes only when it removes someone.
 */
public enum Impact implements WireName {
    /** An account gains an administrator role. */
    GRANT("grant"),
    /** An account loses an administrator role. */
    REVOKE("revoke"),
    /** An object comes into being (the step's own, or one a sign-up creates). */
    CREATE("create"),
    /** An object is removed. */
    DELETE("delete"),
    /** A subscription changes the tenant it trusts. */
    TENANCY("tenancy");

    private final String wireName;

    Impact(String wireName) {
        this.wireName = wireName;
    }

    /** The word in the JSON plan. */
    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<Impact> fromWireName(String name) {
        return WireName.find(Impact.class, name);
    }

    /** The step's own impact and what its effects add, in this enum's order. */
    public static Set<Impact> of(Step step, Collection<Effect> effects) {
        EnumSet<Impact> out = EnumSet.noneOf(Impact.class);
        out.addAll(step.op().impact());
        for (Effect effect : effects) {
            effect.impact().ifPresent(out::add);
        }
        return Collections.unmodifiableSet(out);
    }

    /** An unmodifiable set of these, in this enum's order. */
    public static Set<Impact> setOf(Collection<Impact> impacts) {
        EnumSet<Impact> out = EnumSet.noneOf(Impact.class);
        out.addAll(impacts);
        return Collections.unmodifiableSet(out);
    }
}
