package io.tenantctl.model;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An unmodifiable sorted set of names already normalised ({@link Names#key}), in their natural
 * order. The model's records keep their name sets as these, so that a record made from another's
 * set (a subscription with one more co-administrator) takes the set as it is instead of checking
 * and copying every name again: on a subscription of 200 co-administrators that was 200 names
 * scanned and copied for each of a plan's steps.
 *
 * <p>The names are a sorted array: a set with one name more or less is one array copy (a tree
 * set was 200 entries made anew for each co-administrator step), and looking a name up is a
 * binary search over it.
 */
final class KeySet extends AbstractSet<String> implements SortedSet<String> {

    private static final AtomicLong IDS = new AtomicLong();

    /** Sorted, without repeats; never changed. */
    private final String[] keys;

    private final long id = IDS.incrementAndGet();
    /**
     * The set this one was made from by one edit, by its id (not a reference, which would keep
     * every earlier version of a set alive), and the key edited; 0 and null for a set made whole.
     */
    private final long editedFrom;

    private final String edited;

    private KeySet(String[] keys, long editedFrom, String edited) {
        this.keys = keys;
        this.editedFrom = editedFrom;
        this.edited = edited;
    }

    /** The set, which holds keys only, frozen. */
    static KeySet of(TreeSet<String> keys) {
        return new KeySet(keys.toArray(new String[0]), 0, null);
    }

    /** This set with a key added or removed. */
    KeySet edit(String key, boolean add) {
        int at = Arrays.binarySearch(keys, key);
        String[] out;
        if (add && at < 0) {
            int insert = -at - 1;
            out = new String[keys.length + 1];
            System.arraycopy(keys, 0, out, 0, insert);
            out[insert] = key;
            System.arraycopy(keys, insert, out, insert + 1, keys.length - insert);
        } else if (!add && at >= 0) {
            out = new String[keys.length - 1];
            System.arraycopy(keys, 0, out, 0, at);
            System.arraycopy(keys, at + 1, out, at, keys.length - at - 1);
        } else {
            out = keys; // nothing to add or remove: the same names, shared
        }
        return new KeySet(out, id, key);
    }

    /**
     * The key added or removed to make this set from {@code earlier}, when it was made from it by
     * one edit; null when not (then the two must be compared whole). The key may also be in both:
     * adding a key the set held is an edit too.
     */
    String editedFrom(KeySet earlier) {
        return editedFrom == earlier.id ? edited : null;
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.asList(keys).iterator(); // whose remove is refused
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String key && Arrays.binarySearch(keys, key) >= 0;
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public SortedSet<String> subSet(String fromElement, String toElement) {
        if (fromElement.compareTo(toElement) > 0) {
            throw new IllegalArgumentException("fromElement > toElement");
        }
        return range(from(fromElement), from(toElement));
    }

    @Override
    public SortedSet<String> headSet(String toElement) {
        return range(0, from(toElement));
    }

    @Override
    public SortedSet<String> tailSet(String fromElement) {
        return range(from(fromElement), keys.length);
    }

    /** The index of the first key not below {@code element}. */
    private int from(String element) {
        int at = Arrays.binarySearch(keys, element);
        return at >= 0 ? at : -at - 1;
    }

    /** The keys from {@code from} up to {@code to}: a copy, which no one can tell from a view of a set nobody changes. */
    private KeySet range(int from, int to) {
        return new KeySet(Arrays.copyOfRange(keys, from, to), 0, null);
    }

    @Override
    public String first() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return keys[0];
    }

    @Override
    public String last() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return keys[keys.length - 1];
    }
}
