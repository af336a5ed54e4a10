package io.tenantctl.world;

import java.util.function.Consumer;

/**
 * Told of every piece of a {@link MutableWorld} that is read or changed while it is watched: the
 * planner's way to know what a step depended on and what a step changed, without each step having
 * to declare it (and without a declaration that could fall behind the code).
 */
public interface Tracker {

    void read(Key.Space space, String name);

    void wrote(Key.Space space, String name);

    /** A tracker told only of changes. */
    static Tracker ofChanges(Consumer<Key> changed) {
        return new Tracker() {
            @Override
            public void read(Key.Space space, String name) {
                // only changes matter
            }

            @Override
            public void wrote(Key.Space space, String name) {
                changed.accept(new Key(space, name));
            }
        };
    }
}
