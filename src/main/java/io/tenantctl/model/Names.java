package io.tenantctl.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
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
        return name.toLowerCase(Locale.ROOT);
    }

    /** The domain part of a sign-in name, normalised. */
    public static String domainOf(String signInName) {
        int at = signInName.lastIndexOf('@');
        return key(at < 0 ? "" : signInName.substring(at + 1));
    }

    public static SortedSet<String> keys(Collection<String> names) {
        TreeSet<String> out = new TreeSet<>();
        for (String name : names) {
            out.add(key(name));
        }
        return out;
    }

    /** The keys of these names as an unmodifiable sorted set; empty ones are shared. */
    public static SortedSet<String> frozenKeys(Collection<String> names) {
        return names.isEmpty() ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(keys(names));
    }
}
