package io.tenantctl.state;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.world.World;
import java.util.Map;

/**
 * What an apply writes: the world after it, the new ownership of the objects it touched, and its
 * history record. The store writes only the objects that differ from the locked snapshot.
 */
public record Commit(World world, Map<ObjectRef, Ownership> ownership, RevisionRecord revision) {

    public Commit {
        ownership = Map.copyOf(ownership);
    }
}
