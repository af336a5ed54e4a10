package io.tenantctl.state;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.world.World;
import java.util.Map;
import java.util.Optional;

/**
 * The state at one revision: which store (lineage), which version (revision), the live world and
 * what is known of each object's last writer.
 */
public record Snapshot(String lineage, long revision, World world, Map<ObjectRef, Ownership> ownership) {

    public Snapshot {
        ownership = Map.copyOf(ownership);
    }

    public Optional<Ownership> ownership(ObjectRef ref) {
        return Optional.ofNullable(ownership.get(ref));
    }
}
