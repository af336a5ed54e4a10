package io.tenantctl.state;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.world.World;
import java.util.Set;

/**
 * What an apply writes: the world after it, its history record, and the objects its manifests
 * declare, which the applyset owns from now on and whose applied manifests it records. The store
 * writes only the objects that differ from the locked snapshot.
 *
 * @param applyset the applyset whose manifests were applied
 * @param source   where they came from ({@code paths=...}, with git {@code commit=...})
 */
public record Commit(World world, String applyset, String source, Set<ObjectRef> declared, RevisionRecord revision) {

    public Commit {
        declared = Set.copyOf(declared);
    }
}
