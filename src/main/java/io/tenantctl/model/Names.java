package io.tenantctl.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Normalisation of sign-in names and domains. Both compare case-insensitively and independently of
 * the machine's locale (a Turkish locale must not turn {@code I} into a dotless {@code ı}).
 */
public final class Names {

    private Names() {}

    /** The comparison key of a sign-in name or domain. */
    public static String key(String name) {
        // Most names are already keys (lower-case ASCII): a plain scan is several times cheaper than
        // toLowerCase's per-character lookups, and planning asks for a key at every account lookup.
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'A' && c <= 'Z') || c >= 0x80) {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return name;
    }

    /** The domain part of a sign-in name, normalised. */
    public static String domainOf(String signInName) {
        int at = signInName.lastIndexOf('@');
        return key(at < 0 ? "" : signInName.substring(at + 1));
    }

    public static SortedSet<String> keys(Collection<String> names) {
        return treeOfKeys(names);
    }

    private static TreeSet<String> treeOfKeys(Collection<String> names) {
        if (names instanceof SortedSet<String> sorted && sorted.comparator() == null && areKeys(sorted)) {
            // Already keys in their natural order (a subscription's co-administrators when one is
            // added): copied in linear time, not re-sorted, for each of a large plan's steps.
            return new TreeSet<>(sorted);
        }
        TreeSet<String> out = new TreeSet<>();
        for (String name : names) {
            out.add(key(name));
        }
        return out;
    }

    private static boolean areKeys(Collection<String> names) {
        for (String name : names) {
            if (!key(name).equals(name)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The keys of these names as an unmodifiable sorted set; empty ones are shared, and a set this
     * method made is returned as it is.
     */
    /**
     * The one key whose addition or removal made {@code later} from {@code earlier}, when it was
     * made so ({@link Subscription#withCoAdministrator}); empty when that is not known, and the two
     * sets must be compared whole. The key may be in both.
     */
    public static Optional<String> editBetween(SortedSet<String> earlier, SortedSet<String> later) {
        if (later instanceof KeySet after && earlier instanceof KeySet before) {
            return Optional.ofNullable(after.editedFrom(before));
        }
        return Optional.empty();
    }

    public static SortedSet<String> frozenKeys(Collection<String> names) {
        if (names instanceof KeySet frozen) {
            return frozen;
        }
        return names.isEmpty() ? Collections.emptySortedSet() : KeySet.of(treeOfKeys(names));
    }
}
