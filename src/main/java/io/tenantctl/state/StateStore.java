package io.tenantctl.state;

import io.tenantctl.model.ObjectRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The system of record. Implementations are safe for several processes at once. */
public interface StateStore extends AutoCloseable {

    /** The store as the user named it, without secrets. */
    String location();

    /** A consistent read of the current revision. */
    Snapshot read();

    /**
     * Runs {@code work} holding the store's write lock, in one transaction: the work reads the
     * locked snapshot and either commits once or leaves everything as it was. Waits up to
     * {@code timeout} for the lock, then throws {@link StateLockedException}.
     */
    <T> T write(Duration timeout, LockHolder me, WriteWork<T> work);

    /**
     * What the applyset's manifests last set each object to, for the objects whose live state is
     * no longer that (changed since, or deleted): the candidates for drift.
     */
    Map<ObjectRef, Applied> differingFromApplied(String applyset);

    /** One applied revision, if there is such a revision. */
    Optional<RevisionRecord> revision(long number);

    /** The revision that deleted an object most recently, if one did. */
    Optional<Long> deletedIn(ObjectRef ref);

    /** Applied revisions, newest first; {@code limit} of 0 means all. */
    List<RevisionRecord> history(int limit);

    /** The whole state, snapshot and history, read consistently. */
    StateDump dump();

    /**
     * Replaces the whole state with a dump (lineage, revision, objects, history), in one
     * transaction under the write lock. A store that already holds a revision or an object is
     * refused unless {@code force}.
     */
    void restore(StateDump dump, boolean force, Duration timeout, LockHolder me);

    /** The write-ahead journal of live applies. */
    Journal journal();

    @Override
    void close();

    /** Work done under the write lock. */
    @FunctionalInterface
    interface WriteWork<T> {
        T run(Transaction transaction);
    }

    /** The locked state, and the one way to change it. */
    interface Transaction {

        Snapshot snapshot();

        /** Writes the commit as revision {@code snapshot().revision() + 1} and commits. */
        void commit(Commit commit);
    }
}
