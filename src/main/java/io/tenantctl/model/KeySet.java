package io.tenantctl.model;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An unmodifiable sorted set of names already normalised ({@link Names#key}), in their natural
 * order. The model's records keep their name sets as these, so that a record made from another's
 * set (a subscription with one more co-administrator) takes the set as it is instead of checking
 * and copying every name again: on a subscription of 200 co-administrators that was 200 names
 * scanned and copied for each of a plan's steps.
 */
final class KeySet extends AbstractSet<String> implements SortedSet<String> {

    private final TreeSet<String> keys;

    /** Takes ownership of a set of keys, which nobody may change afterwards. */
    private KeySet(TreeSet<String> keys) {
        this.keys = keys;
    }

    /** The set, which holds keys only, frozen. */
    static KeySet of(TreeSet<String> keys) {
        return new KeySet(keys);
    }

    /** This set with a key added or removed. */
    KeySet edit(String key, boolean add) {
        TreeSet<String> out = new TreeSet<>(keys);
        if (add) {
            out.add(key);
        } else {
            out.remove(key);
        }
        return new KeySet(out);
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
