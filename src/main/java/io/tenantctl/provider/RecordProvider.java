package io.tenantctl.provider;

import io.tenantctl.world.World;
import io.tenantctl.world.WorldView;
import java.util.Optional;

/**
 * Today's behaviour, the default: the state store is the world, plans are made against it and an
 * apply changes only the store. For offline what-if, reviews, and tests.
 */
public final class RecordProvider implements Provider {

    public static final String NAME = "record";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public Optional<Performer> performer() {
        return Optional.empty();
    }

    @Override
    public boolean worksUnder(String profile) {
        return true;
    }

    @Override
    public Observation observe(World stored, WorldView desired) {
        return Observation.complete(stored);
    }
}
