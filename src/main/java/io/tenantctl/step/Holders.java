package io.tenantctl.step;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * The holders of an authority, found one at a time as they are asked for, in order of preference.
 * Most steps are done by their first holder: the holders of a co-administrator step are every
 * co-administrator of the subscription that exists, and finding all 200 of them for each of a
 * subscription's 200 such steps was most of the planning of a crowded tenant.
 *
 * <p>The candidates are judged against the world as it is when the authority was asked for; a planner
 * that changes the world runs the step with one holder, and asks for the next only after undoing
 * it. Unmodifiable, like the copy {@link Authority} makes of any other list.
 */
public final class Holders extends AbstractList<String> {

    private final Iterator<String> candidates;
    private final Predicate<String> holds;
    private final List<String> found = new ArrayList<>();

    /** The holders {@code first}, then those of {@code candidates}, in order, that {@code holds} accepts. */
    public Holders(List<String> first, Iterator<String> candidates, Predicate<String> holds) {
        found.addAll(first);
        this.candidates = candidates;
        this.holds = holds;
    }

    /** Whether there is a holder at {@code index}, finding holders up to it. */
    private boolean reach(int index) {
        while (found.size() <= index && candidates.hasNext()) {
            String candidate = candidates.next();
            if (holds.test(candidate)) {
                found.add(candidate);
            }
        }
        return found.size() > index;
    }

    @Override
    public String get(int index) {
        if (!reach(index)) {
            throw new IndexOutOfBoundsException(index);
        }
        return found.get(index);
    }

    @Override
    public int size() {
        reach(Integer.MAX_VALUE - 1);
        return found.size();
    }

    @Override
    public boolean isEmpty() {
        return !reach(0);
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return reach(next);
            }

            @Override
            public String next() {
                if (!reach(next)) {
                    throw new NoSuchElementException();
                }
                return found.get(next++);
            }
        };
    }
}
