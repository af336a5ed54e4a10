package io.tenantctl.engine;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Diagnostics;
import io.tenantctl.validate.DesiredState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The result of reading and checking manifests: the desired objects, every problem (sorted, each
 * once), and where the manifests came from ({@code paths}; read from git, also the {@code ref} and
 * resolved {@code commit}). A value: a later check makes a new one with more diagnostics.
 */
public record Validation(DesiredState desired, List<Diagnostic> diagnostics, Map<String, String> source) {

    public Validation {
        Diagnostics collected = new Diagnostics();
        collected.addAll(diagnostics);
        diagnostics = collected.sorted();
        source = Map.copyOf(source);
    }

    /** The same validation with more problems found by a later check. */
    public Validation with(Collection<Diagnostic> more) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(more);
        return new Validation(desired, all, source);
    }

    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
