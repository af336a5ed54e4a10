package io.tenantctl.diag;

import java.util.Comparator;

/**
 * Where a diagnostic points: a file (as the user named it) and a 1-based line and column.
 * {@link #NONE} stands for problems that have no place in a manifest (the state, the command line).
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

    /** No location: the problem is not in any manifest. */
    public static final Location NONE = new Location("", 0, 0);

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column);

    public Location {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
    }

    public static Location of(String file, int line, int column) {
        return new Location(file, line, column);
    }

    public boolean isKnown() {
        return !file.isEmpty();
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    /** {@code file:line:column}, or the empty string when unknown. */
    @Override
    public String toString() {
        return isKnown() ? file + ":" + line + ":" + column : "";
    }
}
