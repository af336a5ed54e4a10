package io.tenantctl.world;

import io.tenantctl.model.Account;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A world being changed step by step. Changes made after {@link #begin()} are recorded so that
 * {@link #rollback()} can take them back: the planner tries a step, checks the rules, and undoes
 * it when it would break one, without copying the world. Marks nest, so that a search can try a
 * step inside a tried sequence of steps and take back either; {@link #savepoint()} names a mark.
 *
 * <p>While a {@link Tracker} watches ({@link #track}), every piece of the world read through this
 * object's queries and every piece its changes touch is reported.
 */
public final class MutableWorld extends IndexedWorld {

    /** What one change replaced, for undo. */
    private record Undo(ObjectRef ref, Optional<WorldObject> previous) {}

    /** A mark in the undo log, to roll back to or to ask what changed since. */
    public record Savepoint(int depth, int position) {}

    private final List<Undo> undo = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private Tracker tracker;
    private boolean watchReads;

    MutableWorld(Index index) {
        super(index);
    }

    /**
     * Watches changes from now on, and reads while {@link #watchReads} says so; {@code null} stops
     * watching.
     */
    public void track(Tracker watcher) {
        this.tracker = watcher;
        this.watchReads = false;
        index.tracker = watcher;
    }

    /** Whether the tracker is told of reads too (off by default: most tries need only changes). */
    public void watchReads(boolean on) {
        this.watchReads = on && tracker != null;
    }

    /**
     * Starts recording changes; {@link #commit()} keeps them, {@link #rollback()} undoes them. Inside
     * another mark, a commit keeps the changes for the outer mark to keep or undo.
     */
    public void begin() {
        marks.add(undo.size());
    }

    /** {@link #begin()}, returning the mark. */
    public Savepoint savepoint() {
        begin();
        return new Savepoint(marks.size(), undo.size());
    }

    public void commit() {
        marks.remove(marks.size() - 1);
        if (marks.isEmpty()) {
            undo.clear();
        }
    }

    public void rollback() {
        int mark = marks.remove(marks.size() - 1);
        undoTo(mark);
    }

    /** Keeps everything since the savepoint and ends it, with every mark opened after it. */
    public void commitTo(Savepoint savepoint) {
        while (marks.size() > savepoint.depth()) {
            marks.remove(marks.size() - 1);
        }
        commit();
    }

    /** Undoes everything since the savepoint and ends it, with every mark opened after it. */
    public void rollbackTo(Savepoint savepoint) {
        while (marks.size() > savepoint.depth()) {
            marks.remove(marks.size() - 1);
        }
        rollback();
    }

    private void undoTo(int position) {
        for (int i = undo.size() - 1; i >= position; i--) {
            Undo u = undo.remove(i);
            index.remove(u.ref());
            u.previous().ifPresent(index::put);
        }
    }

    /**
     * The objects changed since the savepoint, each with its value now (empty when removed); an
     * object changed and changed back is left out. Two sequences of steps from the same savepoint
     * that give equal maps lead to equal worlds.
     */
    public Map<ObjectRef, Optional<WorldObject>> changedSince(Savepoint savepoint) {
        Map<ObjectRef, Optional<WorldObject>> before = new HashMap<>();
        for (int i = savepoint.position(); i < undo.size(); i++) {
            Undo u = undo.get(i);
            before.putIfAbsent(u.ref(), u.previous());
        }
        Map<ObjectRef, Optional<WorldObject>> now = new HashMap<>();
        before.forEach((ref, was) -> {
            Optional<WorldObject> is = index.get(ref);
            if (!is.equals(was)) {
                now.put(ref, is);
            }
        });
        return now;
    }

    /** Puts an object, replacing the one of the same kind and name. */
    public void put(WorldObject object) {
        checkNotFrozen();
        Optional<WorldObject> previous = index.put(object);
        if (!marks.isEmpty()) {
            undo.add(new Undo(object.ref(), previous));
        }
    }

    /** Removes the object of this kind and name, if there is one. */
    public void remove(ObjectRef ref) {
        checkNotFrozen();
        Optional<WorldObject> previous = index.remove(ref);
        if (!marks.isEmpty() && previous.isPresent()) {
            undo.add(new Undo(ref, previous));
        }
    }

    /** An immutable copy of the current state. */
    public World snapshot() {
        return World.wrap(index.copy());
    }

    /**
     * The current state as an immutable world, without copying: this working copy must not be
     * changed afterwards. For the planner's final world, which is the largest thing it holds.
     */
    public World freeze() {
        track(null);
        frozen = true;
        return World.wrap(index);
    }

    private boolean frozen;

    private void checkNotFrozen() {
        if (frozen) {
            throw new IllegalStateException("this world was frozen and cannot change");
        }
    }

    // The queries, reported to the tracker while one watches.

    private void read(Key.Space space, String name) {
        if (watchReads) {
            tracker.read(space, name);
        }
    }

    @Override
    public List<WorldObject> objects() {
        read(Key.Space.EVERYTHING, "");
        return super.objects();
    }

    @Override
    public Optional<Tenant> tenant(String name) {
        read(Key.Space.TENANT, name);
        return super.tenant(name);
    }

    @Override
    public Optional<Account> account(String key) {
        read(Key.Space.ACCOUNT, key);
        return super.account(key);
    }

    @Override
    public Optional<Account> accountNamed(String name) {
        read(Key.Space.ACCOUNT_NAME, name);
        return super.accountNamed(name);
    }

    @Override
    public Optional<Subscription> subscription(String name) {
        read(Key.Space.SUBSCRIPTION, name);
        return super.subscription(name);
    }

    @Override
    public Optional<WorldObject> get(ObjectRef ref) {
        switch (ref.kind()) {
            case TENANT -> read(Key.Space.TENANT, ref.name());
            case ACCOUNT -> read(Key.Space.ACCOUNT_NAME, ref.name());
            case SUBSCRIPTION -> read(Key.Space.SUBSCRIPTION, ref.name());
        }
        return super.get(ref);
    }

    @Override
    public Collection<Tenant> tenants() {
        read(Key.Space.EVERYTHING, "");
        return super.tenants();
    }

    @Override
    public Collection<Account> accounts() {
        read(Key.Space.EVERYTHING, "");
        return super.accounts();
    }

    @Override
    public Collection<Subscription> subscriptions() {
        read(Key.Space.EVERYTHING, "");
        return super.subscriptions();
    }

    @Override
    public Set<String> domainOwners(String domain) {
        read(Key.Space.DOMAIN_OWNERS, domain);
        return super.domainOwners(domain);
    }

    @Override
    public Set<String> accountsOnDomain(String domain) {
        read(Key.Space.ACCOUNTS_ON_DOMAIN, domain);
        return super.accountsOnDomain(domain);
    }

    @Override
    public Set<String> tenantsAdministeredBy(String accountKey) {
        read(Key.Space.ADMIN_OF, accountKey);
        return super.tenantsAdministeredBy(accountKey);
    }

    @Override
    public Set<String> subscriptionsReferencing(String accountKey) {
        read(Key.Space.SUBSCRIPTIONS_OF_ACCOUNT, accountKey);
        return super.subscriptionsReferencing(accountKey);
    }

    @Override
    public Set<String> subscriptionsTrusting(String tenant) {
        read(Key.Space.SUBSCRIPTIONS_OF_TENANT, tenant);
        return super.subscriptionsTrusting(tenant);
    }

    @Override
    public int size() {
        read(Key.Space.EVERYTHING, "");
        return super.size();
    }
}
