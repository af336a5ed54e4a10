package io.tenantctl.plan;

import io.tenantctl.world.Key;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The pieces of the world read or changed during one try at a step, kept in two arrays: a step
 * reads dozens of them and hundreds of thousands of steps are tried, so nothing is allocated per
 * piece until a step has to wait on them.
 */
final class KeyLog {

    private Key.Space[] spaces = new Key.Space[64];
    private String[] names = new String[64];
    private int size;

    void add(Key.Space space, String name) {
        if (size == spaces.length) {
            spaces = Arrays.copyOf(spaces, size * 2);
            names = Arrays.copyOf(names, size * 2);
        }
        spaces[size] = space;
        names[size] = name;
        size++;
    }

    void clear() {
        Arrays.fill(names, 0, size, null);
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void forEach(BiConsumer<Key.Space, String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(spaces[i], names[i]);
        }
    }

    Set<Key> toSet() {
        Set<Key> out = new HashSet<>(size * 2);
        for (int i = 0; i < size; i++) {
            out.add(new Key(spaces[i], names[i]));
        }
        return out;
    }
}
