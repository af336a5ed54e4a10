package io.tenantctl.plan;

import io.tenantctl.world.World;
import java.util.Optional;

/**
 * A plan just made, and the world its steps lead to when it could be made. Applying a plan made
 * under the state's lock needs no second proof: the world it leads to was computed by checking
 * every step against that same locked state.
 */
public record Planned(Plan plan, Optional<World> result) {

    public static Planned failed(Plan plan) {
        return new Planned(plan, Optional.empty());
    }
}
