package io.tenantctl.engine;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.state.AbsentState;
import io.tenantctl.state.ActionRecord;
import io.tenantctl.state.Applied;
import io.tenantctl.state.Journal;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.StateDump;
import io.tenantctl.state.StateException;
import io.tenantctl.state.StateStore;
import io.tenantctl.state.Unlock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The state of an apply when none exists yet: read as the empty {@link AbsentState}, and created
 * only when the apply writes (it commits steps, or records an action as waiting). An apply whose
 * plan fails, that has nothing to do, is declined or only dry-runs leaves no state behind, not
 * even an empty one.
 *
 * <p>The plan is made, shown and confirmed against the empty state without its lock (there is no
 * lock yet); the write then creates the state and, under its lock, requires it still empty: an
 * apply that created and wrote it meanwhile makes this one refused, as a stale plan is.
 */
final class DeferredState implements StateStore {

    private final AbsentState absent;
    private final Supplier<StateStore> create;
    private StateStore created;

    /**
     * @param create opens, and so creates, the state; called at most once, at the first write
     */
    DeferredState(AbsentState absent, Supplier<StateStore> create) {
        this.absent = absent;
        this.create = create;
    }

    /** The store that exists: the created one once written, until then the empty one. */
    private StateStore now() {
        return created != null ? created : absent;
    }

    private StateStore created() {
        if (created == null) {
            created = create.get();
        }
        return created;
    }

    @Override
    public String location() {
        return absent.location();
    }

    /** False until the first write creates the state. */
    @Override
    public boolean exists() {
        return created != null;
    }

    @Override
    public String profile() {
        return now().profile();
    }

    @Override
    public Snapshot read() {
        return now().read();
    }

    @Override
    public <T> T write(Duration timeout, LockHolder me, WriteWork<T> work) {
        if (created != null) {
            return created.write(timeout, me, work);
        }
        return work.run(absent.transaction(
                commit -> writeToNew(timeout, me, tx -> tx.commit(commit)),
                actions -> writeToNew(timeout, me, tx -> tx.commitActions(actions))));
    }

    /** Creates the state and writes to it, if it is still as empty as this apply planned it. */
    private void writeToNew(Duration timeout, LockHolder me, Consumer<Transaction> write) {
        created().write(timeout, me, tx -> {
            if (tx.snapshot().revision() != 0 || !tx.actions().isEmpty()) {
                throw new StateException(
                        Codes.STALE_PLAN,
                        "the state at " + location() + " did not exist when this apply planned, and another apply"
                                + " created it since (it is at revision "
                                + tx.snapshot().revision()
                                + "); plan again");
            }
            write.accept(tx);
            return null;
        });
    }

    @Override
    public Map<ObjectRef, Applied> differingFromApplied(String applyset) {
        return now().differingFromApplied(applyset);
    }

    @Override
    public Map<ObjectRef, Applied> applied(String applyset) {
        return now().applied(applyset);
    }

    @Override
    public Optional<RevisionRecord> revision(long number) {
        return now().revision(number);
    }

    @Override
    public Optional<Long> deletedIn(ObjectRef ref) {
        return now().deletedIn(ref);
    }

    @Override
    public List<RevisionRecord> history(int limit) {
        return now().history(limit);
    }

    @Override
    public List<String> applysets() {
        return now().applysets();
    }

    @Override
    public Optional<LockHolder> lockHolder() {
        return now().lockHolder();
    }

    @Override
    public Unlock forceUnlock(LockHolder holder, Duration wait) {
        return now().forceUnlock(holder, wait);
    }

    @Override
    public StateDump dump() {
        return now().dump();
    }

    @Override
    public void restore(StateDump dump, boolean force, Duration timeout, LockHolder me) {
        created().restore(dump, force, timeout, me);
    }

    @Override
    public List<ActionRecord> actions() {
        return now().actions();
    }

    /** A live apply journals before its first step, and so creates the state. */
    @Override
    public Journal journal() {
        return created().journal();
    }

    @Override
    public void close() {
        if (created != null) {
            created.close();
        }
    }
}
