package io.tenantctl.state;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.world.World;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What an apply writes: the world after it, its history record, and the objects its manifests
 * declare, which the applyset owns from now on and whose applied manifests it records. The store
 * writes only the objects that differ from the locked snapshot.
 *
 * <p>The history record is asked for only after the objects are written ({@link #revision}): an
 * apply's record carries the plan's digest, which for a large plan is still being computed on
 * another thread while the store writes the objects.
 *
 * @param applyset   the applyset whose manifests were applied
 * @param source     where they came from ({@code paths=...}, with git {@code commit=...})
 * @param record     the history record, made when first asked for and then kept
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
        Supplier<RevisionRecord> record,
        Optional<Long> journalRun,
        List<ActionRecord> actions) {

    public Commit {
        declared = Set.copyOf(declared);
        actions = List.copyOf(actions);
        record = once(record);
    }

    /** A commit whose record is made already, without external actions. */
    public Commit(
            World world,
            String applyset,
            String source,
            Set<ObjectRef> declared,
            RevisionRecord revision,
            Optional<Long> journalRun) {
        this(world, applyset, source, declared, () -> revision, journalRun, List.of());
    }

    public Commit(World world, String applyset, String source, Set<ObjectRef> declared, RevisionRecord revision) {
        this(world, applyset, source, declared, revision, Optional.empty());
    }

    /** The history record; the first call may wait for it to be made. */
    public RevisionRecord revision() {
        return record.get();
    }

    private static Supplier<RevisionRecord> once(Supplier<RevisionRecord> make) {
        return new Supplier<>() {
            private RevisionRecord made;

            @Override
            public synchronized RevisionRecord get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }
}
