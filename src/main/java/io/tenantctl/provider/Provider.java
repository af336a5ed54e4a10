package io.tenantctl.provider;

import io.tenantctl.world.World;

/** Where the live world comes from. */
public interface Provider {

    /** {@code record} or {@code azure}; the name {@code --provider} takes. */
    String name();

    /** Whether applying changes real directories (and not only the state store). */
    boolean live();

    /**
     * The world to plan against. {@code stored} is the state store's world: the record provider's
     * whole truth, and a live provider's last known one.
     */
    Observation observe(World stored);
}
