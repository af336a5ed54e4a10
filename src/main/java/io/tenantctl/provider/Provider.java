package io.tenantctl.provider;

import io.tenantctl.world.World;
import io.tenantctl.world.WorldView;
import java.util.Optional;

/** Where the live world comes from. */
public interface Provider {

    /** {@code record} or {@code azure}; the name {@code --provider} takes. */
    String name();

    /** Whether applying changes real directories (and not only the state store). */
    boolean live();

    /** Whether it works under a profile (by name): a live provider speaks one era's APIs only. */
    boolean worksUnder(String profile);

    /** How it performs a saved plan's steps on real directories; empty for a provider that is not live. */
    Optional<Performer> performer();

    /**
     * The world to plan against. {@code stored} is the state store's world: the record provider's
     * whole truth, and a live provider's last known one. {@code desired} is what the manifests
     * declare, whose names a live provider gives the objects it recognises (a directory has no
     * manifest names: it knows sign-in names and subscription ids).
     */
    Observation observe(World stored, WorldView desired);
}
