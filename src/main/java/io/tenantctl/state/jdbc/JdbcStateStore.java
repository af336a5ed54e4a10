package io.tenantctl.state.jdbc;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.state.ActionRecord;
import io.tenantctl.state.Applied;
import io.tenantctl.state.Journal;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.RevisionRecord;
import io.tenantctl.state.Snapshot;
import io.tenantctl.state.StateDump;
import io.tenantctl.state.StateStore;
import io.tenantctl.state.Unlock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The state store over JDBC, in portable SQL, made of one part per job: {@link Bootstrap} (create
 * and upgrade), {@link Locking} (the write lock, its timeout and retries), {@link Snapshots},
 * {@link Commits}, {@link AppliedRecords}, {@link History}, {@link Copies} (dump and restore),
 * {@link Unlocking} (a forced unlock) and {@link Journals} (the write-ahead journal of live applies, with its {@link LiveLease}).
 *
 * <p>Every write is one transaction that holds the dialect's write lock from before it reads the
 * head revision until it commits: the revision it saw is the revision it replaces, and a failure
 * at any point rolls everything back. Objects are written in batches, and only those that changed.
 */
public final class JdbcStateStore implements StateStore {

    private final Database database;
    private final Locking locking;
    private final Snapshots snapshots;
    private final Commits commits;
    private final AppliedRecords applied;
    private final Copies copies;
    private final Unlocking unlocking;
    private final Journals journal;

    private JdbcStateStore(Database database, Clock clock) {
        this.database = database;
        this.locking = new Locking(database);
        this.snapshots = new Snapshots(database);
        this.commits = new Commits(database);
        this.applied = new AppliedRecords(database);
        this.copies = new Copies(database, snapshots, applied, clock);
        this.unlocking = new Unlocking(database);
        this.journal = new Journals(database);
    }

    /**
     * Opens the store, creating it (and for SQLite its folder) and upgrading its schema on first use.
     *
     * @param clock    the time of the schema's creation and of a restore (the history's times are the applier's)
     * @param lineages where a new store's lineage id comes from (a random UUID, except in tests)
     */
    public static JdbcStateStore open(String url, Clock clock, Supplier<String> lineages, Duration lockTimeout) {
        return open(url, clock, lineages, lockTimeout, DEFAULT_PROFILE);
    }

    /**
     * As {@link #open(String, Clock, Supplier, Duration)}, recording {@code profile} in a state
     * created now (an existing state keeps its own: {@link #profile()} says which).
     */
    public static JdbcStateStore open(
            String url, Clock clock, Supplier<String> lineages, Duration lockTimeout, String profile) {
        return open(url, clock, lineages, lockTimeout, false, profile);
    }

    /** The profile of the states made before profiles were recorded. */
    private static final String DEFAULT_PROFILE = "classic";

    /**
     * Opens a store that must already exist (every command but apply, the agent and the target of
     * {@code state copy}): a mistyped URL is a {@link io.tenantctl.state.StateMissingException}, not
     * a new empty state that reports no drift or that a forced copy would then spread.
     */
    public static JdbcStateStore openExisting(
            String url, Clock clock, Supplier<String> lineages, Duration lockTimeout) {
        return open(url, clock, lineages, lockTimeout, true, DEFAULT_PROFILE);
    }

    private static JdbcStateStore open(
            String url,
            Clock clock,
            Supplier<String> lineages,
            Duration lockTimeout,
            boolean mustExist,
            String profile) {
        StateUrl parsed = StateUrl.parse(url);
        JdbcStateStore store = new JdbcStateStore(new Database(parsed, Dialect.of(parsed)), clock);
        new Bootstrap(store.database, store.locking, clock, lineages, profile).run(lockTimeout, mustExist);
        return store;
    }

    @Override
    public String location() {
        return database.location();
    }

    @Override
    public String profile() {
        return database.read(Copies::profile);
    }

    @Override
    public Snapshot read() {
        return database.read(snapshots::read);
    }

    @Override
    public <T> T write(Duration timeout, LockHolder holder, WriteWork<T> work) {
        return locking.run(() -> database.dialect().openForWrite(database.url(), timeout, holder), timeout, c -> {
            Commits.Locked transaction = commits.new Locked(c, snapshots.read(c));
            T result = work.run(transaction);
            if (!transaction.committed()) {
                c.rollback();
            }
            return result;
        });
    }

    @Override
    public Map<ObjectRef, Applied> differingFromApplied(String applyset) {
        return database.read(c -> applied.differing(c, applyset));
    }

    @Override
    public Map<ObjectRef, Applied> applied(String applyset) {
        return database.read(c -> applied.of(c, applyset));
    }

    @Override
    public Optional<RevisionRecord> revision(long number) {
        return database.read(c -> History.revision(c, number));
    }

    @Override
    public Optional<Long> deletedIn(ObjectRef ref) {
        return database.read(c -> History.deletedIn(c, ref));
    }

    @Override
    public List<RevisionRecord> history(int limit) {
        return database.read(c -> History.read(c, limit));
    }

    @Override
    public List<String> applysets() {
        return database.read(History::applysets);
    }

    @Override
    public Optional<LockHolder> lockHolder() {
        return unlocking.holder();
    }

    @Override
    public Unlock forceUnlock(LockHolder holder, Duration wait) {
        return unlocking.force(holder, wait);
    }

    @Override
    public StateDump dump() {
        return database.read(copies::dump);
    }

    @Override
    public void restore(StateDump dump, boolean force, Duration timeout, LockHolder me) {
        locking.run(() -> database.dialect().openForWrite(database.url(), timeout, me), timeout, c -> {
            copies.restore(c, dump, force);
            return null;
        });
    }

    @Override
    public List<ActionRecord> actions() {
        return database.read(Actions::read);
    }

    @Override
    public Journal journal() {
        return journal;
    }

    @Override
    public void close() {
        // connections are opened per operation; nothing is held between them
    }
}
