package io.tenantctl.state;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.world.World;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an apply writes: the world after it, its history record, and the objects its manifests
 * declare, which the applyset owns from now on and whose applied manifests it records. The store
 * writes only the objects that differ from the locked snapshot.
 *
 * @param applyset   the applyset whose manifests were applied
 * @param source     where they came from ({@code paths=...}, with git {@code commit=...})
 * @param journalRun a live apply's run, whose done steps this commit records in the world: the
 *                   journal marks them committed in the same transaction, so that a resumed run
 *                   knows exactly which of its steps the stored world already has
 * @param actions    the external actions this apply found waiting, or confirmed, or did
 */
public record Commit(
        World world,
        String applyset,
        String source,
        Set<ObjectRef> declared,
        RevisionRecord revision,
        Optional<Long> journalRun,
        List<ActionRecord> actions) {

    public Commit {
        declared = Set.copyOf(declared);
        actions = List.copyOf(actions);
    }

    public Commit(
            World world,
            String applyset,
            String source,
            Set<ObjectRef> declared,
            RevisionRecord revision,
            Optional<Long> journalRun) {
        this(world, applyset, source, declared, revision, journalRun, List.of());
    }

    public Commit(World world, String applyset, String source, Set<ObjectRef> declared, RevisionRecord revision) {
        this(world, applyset, source, declared, revision, Optional.empty());
    }
}
