package io.tenantctl.model;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An unmodifiable sorted set of names already normalised ({@link Names#key}), in their natural
 * order. The model's records keep their name sets as these, so that a record made from another's
 * set (a subscription with one more co-administrator) takes the set as it is instead of checking
 * and copying every name again: on a subscription of 200 co-administrators that was 200 names
 * scanned and copied for each of a plan's steps.
 */
final class KeySet extends AbstractSet<String> implements SortedSet<String> {

    private static final AtomicLong IDS = new AtomicLong();

    private final TreeSet<String> keys;
    private final long id = IDS.incrementAndGet();
    /**
     * The set this one was made from by one edit, by its id (not a reference, which would keep
     * every earlier version of a set alive), and the key edited; 0 and null for a set made whole.
     */
    private final long editedFrom;

    private final String edited;

    /** Takes ownership of a set of keys, which nobody may change afterwards. */
    private KeySet(TreeSet<String> keys, long editedFrom, String edited) {
        this.keys = keys;
        this.editedFrom = editedFrom;
        this.edited = edited;
    }

    /** The set, which holds keys only, frozen. */
    static KeySet of(TreeSet<String> keys) {
        return new KeySet(keys, 0, null);
    }

    /** This set with a key added or removed. */
    KeySet edit(String key, boolean add) {
        TreeSet<String> out = new TreeSet<>(keys);
        if (add) {
            out.add(key);
        } else {
            out.remove(key);
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
        return Collections.unmodifiableSortedSet(keys).iterator();
    }

    @Override
    public int size() {
        return keys.size();
    }

    @Override
    public boolean contains(Object o) {
        return keys.contains(o);
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public SortedSet<String> subSet(String fromElement, String toElement) {
        return Collections.unmodifiableSortedSet(keys.subSet(fromElement, toElement));
    }

    @Override
    public SortedSet<String> headSet(String toElement) {
        return Collections.unmodifiableSortedSet(keys.headSet(toElement));
    }

    @Override
    public SortedSet<String> tailSet(String fromElement) {
        return Collections.unmodifiableSortedSet(keys.tailSet(fromElement));
    }

    @Override
    public String first() {
        return keys.first();
    }

    @Override
    public String last() {
        return keys.last();
    }
}
