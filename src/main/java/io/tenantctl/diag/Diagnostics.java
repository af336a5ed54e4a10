package io.tenantctl.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A collector of diagnostics that every stage appends to. Duplicates are dropped and the result is
 * always sorted, so that what the user sees does not depend on the order in which stages ran.
 */
public final class Diagnostics {

    private final LinkedHashSet<Diagnostic> items = new LinkedHashSet<>();

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void addAll(Collection<Diagnostic> diagnostics) {
        items.addAll(diagnostics);
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.items);
    }

    public boolean hasErrors() {
        for (Diagnostic d : items) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int errorCount() {
        return (int) items.stream().filter(Diagnostic::isError).count();
    }

    /** All diagnostics, sorted by location, then code. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(items);
        list.sort(null);
        return List.copyOf(list);
    }
}
