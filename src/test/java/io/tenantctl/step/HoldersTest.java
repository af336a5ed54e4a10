package io.tenantctl.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldersTest {

    /** A source that counts what was taken from it. */
    private static final class Counted implements Iterator<String> {
        private final Iterator<String> names;
        int taken;

        Counted(String... names) {
            this.names = List.of(names).iterator();
        }

        @Override
        public boolean hasNext() {
            return names.hasNext();
        }

        @Override
        public String next() {
            taken++;
            return names.next();
        }
    }

    @Test
    void holdersAreFoundOnlyAsFarAsTheyAreAskedFor() {
        Counted rest = new Counted("b", "c", "d");
        Holders holders = new Holders(List.of("a"), rest, name -> true);
        assertThat(holders.isEmpty()).isFalse();
        assertThat(holders.iterator().next()).isEqualTo("a");
        assertThat(rest.taken).isZero();
        assertThat(holders.get(1)).isEqualTo("b");
        assertThat(rest.taken).isEqualTo(1);
        assertThat(holders.contains("c")).isTrue();
        assertThat(rest.taken).isEqualTo(2);
        assertThat(holders).containsExactly("a", "b", "c", "d");
        assertThat(holders.size()).isEqualTo(4);
        assertThatThrownBy(() -> holders.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void onlyTheCandidatesThatHoldItAreHolders() {
        Counted rest = new Counted("b", "c", "d", "e");
        Holders holders = new Holders(List.of("a"), rest, name -> !name.equals("b") && !name.equals("d"));
        assertThat(holders.get(1)).isEqualTo("c");
        assertThat(rest.taken).as("b was passed over on the way to c").isEqualTo(2);
        assertThat(holders).containsExactly("a", "c", "e");
    }

    @Test
    void anEmptyListIsEmptyAndAnAuthorityKeepsItAsItIs() {
        Counted none = new Counted();
        Holders holders = new Holders(List.of(), none, name -> true);
        assertThat(holders.isEmpty()).isTrue();
        assertThat(holders.iterator().hasNext()).isFalse();
        Authority authority =
                Authority.heldBy("co-administrator", new Holders(List.of(), new Counted("x", "y"), name -> true));
        assertThat(authority.holders()).isInstanceOf(Holders.class);
        // any other list is copied, so that nobody changes it afterwards
        List<String> mutable = new ArrayList<>(List.of("x"));
        Authority copied = Authority.heldBy("global administrator", mutable);
        mutable.add("y");
        assertThat(copied.holders()).containsExactly("x");
        assertThatThrownBy(() -> holders.add("z")).isInstanceOf(UnsupportedOperationException.class);
    }
}
