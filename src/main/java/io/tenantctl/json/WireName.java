package io.tenantctl.json;

import java.util.Optional;

/**
 * A value of a closed vocabulary (an enum) with the name plan files, the state and JSON output
 * spell it by, which stays the same when the Java name changes; and the one lookup of a value by
 * that name, which every such enum shares.
 */
public interface WireName {

    /** As files and documents spell it. */
    String wireName();

    /** The value of {@code type} spelt {@code name}, if one is. */
    static <E extends Enum<E> & WireName> Optional<E> find(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.wireName().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The value of {@code type} spelt {@code name}: for what tenantctl itself wrote (a plan file, the
     * state), where an unknown name is a file from elsewhere or a bug, never user input to report.
     */
    static <E extends Enum<E> & WireName> E of(Class<E> type, String name) {
        return find(type, name)
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + name + "'"));
    }
}
