package io.tenantctl.diag;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many warnings a run silenced, per code: a silenced warning is not shown, and still counted,
 * so that a plan says what it leaves out ({@code 2 warnings silenced (portal-access x2)}).
 */
public record Silenced(SortedMap<String, Integer> byCode) {

    public static final Silenced NONE = new Silenced(new TreeMap<>());

    public Silenced {
        byCode = Collections.unmodifiableSortedMap(new TreeMap<>(byCode));
    }

    /** These diagnostics silenced, counted by code. */
    public static Silenced of(Collection<Diagnostic> diagnostics) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        diagnostics.forEach(d -> counts.merge(d.code(), 1, Integer::sum));
        return new Silenced(counts);
    }

    public boolean isEmpty() {
        return byCode.isEmpty();
    }

    public int total() {
        return byCode.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Both counts added up, code by code. */
    public Silenced plus(Silenced other) {
        if (other.isEmpty()) {
            return this;
        }
        TreeMap<String, Integer> sum = new TreeMap<>(byCode);
        other.byCode.forEach((code, n) -> sum.merge(code, n, Integer::sum));
        return new Silenced(sum);
    }
}
