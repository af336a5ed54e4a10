package io.tenantctl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KeySetTest {

    /** Random edits, each compared with a tree set doing the same: order, membership and ranges. */
    @Test
    void behavesAsATreeSetOfTheSameKeysThroughAnyEdits() {
        Random random = new Random(7);
        TreeSet<String> oracle = new TreeSet<>(List.of("m@x.example", "c@x.example"));
        KeySet set = KeySet.of(new TreeSet<>(oracle));
        for (int i = 0; i < 2_000; i++) {
            String key = "u" + random.nextInt(60) + "@x.example";
            boolean add = random.nextBoolean();
            KeySet next = set.edit(key, add);
            if (add) {
                oracle.add(key);
            } else {
                oracle.remove(key);
            }
            assertThat(next.editedFrom(set)).isEqualTo(key);
            assertThat(set.editedFrom(next)).isNull();
            set = next;
            assertThat(set).containsExactlyElementsOf(oracle);
            assertThat(set).isEqualTo(oracle);
            assertThat(set.hashCode()).isEqualTo(oracle.hashCode());
            assertThat(set.contains(key)).isEqualTo(oracle.contains(key));
            String from = "u" + random.nextInt(60);
            String to = "u" + random.nextInt(60);
            if (from.compareTo(to) <= 0) {
                assertThat(set.subSet(from, to)).containsExactlyElementsOf(oracle.subSet(from, to));
            }
            assertThat(set.headSet(to)).containsExactlyElementsOf(oracle.headSet(to));
            assertThat(set.tailSet(from)).containsExactlyElementsOf(oracle.tailSet(from));
            if (!oracle.isEmpty()) {
                assertThat(set.first()).isEqualTo(oracle.first());
                assertThat(set.last()).isEqualTo(oracle.last());
            }
        }
        assertThat(set.contains(42)).isFalse();
    }

    @Test
    void anEmptySetHasNoFirstAndNothingChangesIt() {
        KeySet one = KeySet.of(new TreeSet<>(List.of("a@x.example")));
        KeySet empty = one.edit("a@x.example", false);
        assertThat(empty).isEmpty();
        assertThatThrownBy(empty::first).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(empty::last).isInstanceOf(NoSuchElementException.class);
        SortedSet<String> view = one;
        assertThatThrownBy(() -> view.add("b@x.example")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> one.subSet("b", "a")).isInstanceOf(IllegalArgumentException.class);
    }
}
