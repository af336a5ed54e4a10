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

    /**
     * False only for a state that does not exist yet ({@link AbsentState}), which {@code plan}
     * plans against without creating it.
     */
    default boolean exists() {
        return true;
    }

    /**
     * The profile the state was created under ({@code classic} or {@code entra}), whose rules and
     * steps every command that reads it uses.
     */
    String profile();

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

    /**
     * What the applyset's manifests last set each object to, whatever the state holds now: what a
     * live provider's reading of the tenants is compared with.
     */
    Map<ObjectRef, Applied> applied(String applyset);

    /** One applied revision, if there is such a revision. */
    Optional<RevisionRecord> revision(long number);

    /** The revision that deleted an object most recently, if one did. */
    Optional<Long> deletedIn(ObjectRef ref);

    /** Applied revisions, newest first; {@code limit} of 0 means all. */
    List<RevisionRecord> history(int limit);

    /** The applysets that ever applied to this state or own an object in it, sorted. */
    List<String> applysets();

    /**
     * Who holds the write lock now; empty when nobody does. A holder that left no note (another
     * program using a SQLite file) is {@link LockHolder#unknown()}.
     */
    Optional<LockHolder> lockHolder();

    /**
     * Makes {@code holder}, as {@link #lockHolder()} named it, give up the write lock: its
     * transaction ends without committing, so nothing it did is written. Waits up to {@code wait}
     * for the lock to be free. Refuses when another holder has the lock by now.
     */
    Unlock forceUnlock(LockHolder holder, Duration wait);

    /** The whole state, snapshot and history, read consistently. */
    StateDump dump();

    /**
     * Replaces the whole state with a dump (lineage, revision, objects, history), in one
     * transaction under the write lock. A store that already holds a revision or an object is
     * refused unless {@code force}.
     */
    void restore(StateDump dump, boolean force, Duration timeout, LockHolder me);

    /** The external actions of this state's applies, waiting, confirmed or done, oldest first. */
    List<ActionRecord> actions();

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

        /** The external actions, as this transaction reads them. */
        List<ActionRecord> actions();

        /**
         * Writes changed external actions and commits, without a new revision: an apply that found
         * its first step waiting for one, or that only recorded confirmations.
         */
        void commitActions(List<ActionRecord> actions);
    }
}
