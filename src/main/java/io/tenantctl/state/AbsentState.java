package io.tenantctl.state;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.world.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A state that does not exist yet, as {@code plan} and {@code apply --dry-run} see it: no objects,
 * revision 0, no lineage and no history. Planning against it shows what a first apply would
 * create, and creates nothing; its profile is the one an apply would create it with. A transaction on it reads that empty state and its commit is
 * refused: a real apply opens, and so creates, the store.
 */
public record AbsentState(String location, String profile) implements StateStore {

    /** The base a plan made against no state records: no lineage, revision 0. */
    public static final String NO_LINEAGE = "";

    /** A state that would be created with the default profile. */
    public AbsentState(String location) {
        this(location, "classic");
    }

    @Override
    public List<ActionRecord> actions() {
        return List.of();
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public Snapshot read() {
        return new Snapshot(NO_LINEAGE, 0, World.empty(), Map.of());
    }

    @Override
    public <T> T write(Duration timeout, LockHolder me, WriteWork<T> work) {
        return work.run(transaction(
                commit -> {
                    throw refused();
                },
                actions -> {
                    throw new IllegalStateException("a state that does not exist records nothing");
                }));
    }

    /**
     * A transaction on this empty state that hands what it would write to {@code commit} and
     * {@code actions}: for a store that creates the state when it is first written to.
     */
    public Transaction transaction(Consumer<Commit> commit, Consumer<List<ActionRecord>> actions) {
        Snapshot empty = read();
        return new Transaction() {
            @Override
            public Snapshot snapshot() {
                return empty;
            }

            @Override
            public List<ActionRecord> actions() {
                return List.of();
            }

            @Override
            public void commitActions(List<ActionRecord> written) {
                actions.accept(written);
            }

            @Override
            public void commit(Commit written) {
                commit.accept(written);
            }
        };
    }

    @Override
    public Map<ObjectRef, Applied> differingFromApplied(String applyset) {
        return Map.of();
    }

    @Override
    public Map<ObjectRef, Applied> applied(String applyset) {
        return Map.of();
    }

    @Override
    public Optional<RevisionRecord> revision(long number) {
        return Optional.empty();
    }

    @Override
    public Optional<Long> deletedIn(ObjectRef ref) {
        return Optional.empty();
    }

    @Override
    public List<RevisionRecord> history(int limit) {
        return List.of();
    }

    @Override
    public List<String> applysets() {
        return List.of();
    }

    @Override
    public StateDump dump() {
        return new StateDump(read(), List.of(), Map.of());
    }

    @Override
    public void restore(StateDump dump, boolean force, Duration timeout, LockHolder me) {
        throw refused();
    }

    @Override
    public Optional<LockHolder> lockHolder() {
        return Optional.empty();
    }

    @Override
    public Unlock forceUnlock(LockHolder holder, Duration wait) {
        throw refused();
    }

    /** A live apply journals into a state that exists; it opens (and so creates) one first. */
    @Override
    public Journal journal() {
        throw refused();
    }

    @Override
    public void close() {
        // nothing was opened
    }

    private StateException refused() {
        return new StateMissingException("no state at " + location + ": it does not exist");
    }
}
