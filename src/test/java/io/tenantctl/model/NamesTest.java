package io.tenantctl.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void aKeyIsTheNameInLowerCaseWhateverTheMachinesLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertThat(Names.key("JohnDoe@Contoso.COM")).isEqualTo("johndoe@contoso.com");
            assertThat(Names.key("IRIS@x.example")).isEqualTo("iris@x.example");
            assertThat(Names.key("Ärger@bücher.example")).isEqualTo("ärger@bücher.example");
            assertThat(Names.key("ärger@bücher.example")).isEqualTo("ärger@bücher.example");
            assertThat(Names.key("user-7@tenant_1.example")).isEqualTo("user-7@tenant_1.example");
            assertThat(Names.key("")).isEmpty();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void keysOfASortedSetOfKeysAreTheSameSetAndOfAnyOtherTheLowerCasedSet() {
        TreeSet<String> keys = new TreeSet<>(List.of("a@x.example", "b@x.example", "c@x.example"));
        assertThat(Names.keys(keys)).containsExactly("a@x.example", "b@x.example", "c@x.example");
        TreeSet<String> mixed = new TreeSet<>(List.of("B@x.example", "a@x.example", "C@x.example"));
        assertThat(Names.keys(mixed)).containsExactly("a@x.example", "b@x.example", "c@x.example");
        TreeSet<String> reversed = new TreeSet<>((x, y) -> y.compareTo(x));
        reversed.addAll(keys);
        assertThat(Names.keys(reversed)).containsExactly("a@x.example", "b@x.example", "c@x.example");
        assertThat(Names.keys(List.of("A@x.example", "a@x.example"))).containsExactly("a@x.example");
    }

    @Test
    void anEditOfASetNamesItsKeyOnlyAgainstTheSetItWasMadeFrom() {
        var set = Names.frozenKeys(List.of("a@x.example", "b@x.example"));
        var added = TenantStatus.edit(set, "C@x.example", true);
        var removed = TenantStatus.edit(added, "a@x.example", false);
        assertThat(Names.editBetween(set, added)).contains("c@x.example");
        assertThat(Names.editBetween(added, removed)).contains("a@x.example");
        // two edits apart, backwards, or unrelated: unknown, so the sets are compared whole
        assertThat(Names.editBetween(set, removed)).isEmpty();
        assertThat(Names.editBetween(added, set)).isEmpty();
        assertThat(Names.editBetween(Names.frozenKeys(List.of("a@x.example", "b@x.example")), added))
                .isEmpty();
        assertThat(Names.editBetween(new TreeSet<>(set), added)).isEmpty();
    }
}
