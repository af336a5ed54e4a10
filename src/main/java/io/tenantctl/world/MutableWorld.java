package io.tenantctl.world;

import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A world being changed step by step. Changes made after {@link #begin()} are recorded so that
 * {@link #rollback()} can take them back: the planner tries a step, checks the rules, and undoes
 * it when it would break one, without copying the world.
 */
public final class MutableWorld extends IndexedWorld {

    /** What one change replaced, for undo. */
    private record Undo(ObjectRef ref, Optional<WorldObject> previous) {}

    private final List<Undo> undo = new ArrayList<>();
    private boolean recording;

    MutableWorld(Index index) {
        super(index);
    }

    /** Starts recording changes; {@link #commit()} keeps them, {@link #rollback()} undoes them. */
    public void begin() {
        undo.clear();
        recording = true;
    }

    public void commit() {
        undo.clear();
        recording = false;
    }

    public void rollback() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            Undo u = undo.get(i);
            index.remove(u.ref());
            u.previous().ifPresent(index::put);
        }
        undo.clear();
        recording = false;
    }

    /** Puts an object, replacing the one of the same kind and name. */
    public void put(WorldObject object) {
        checkNotFrozen();
        Optional<WorldObject> previous = index.put(object);
        if (recording) {
            undo.add(new Undo(object.ref(), previous));
        }
    }

    /** Removes the object of this kind and name, if there is one. */
    public void remove(ObjectRef ref) {
        checkNotFrozen();
        Optional<WorldObject> previous = index.remove(ref);
        if (recording && previous.isPresent()) {
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
        frozen = true;
        return World.wrap(index);
    }

    private boolean frozen;

    private void checkNotFrozen() {
        if (frozen) {
            throw new IllegalStateException("this world was frozen and cannot change");
        }
    }
}
