package io.tenantctl.engine;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Diagnostics;
import io.tenantctl.diag.Silenced;
import io.tenantctl.validate.DesiredState;
import io.tenantctl.validate.Silencing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The result of reading and checking manifests: the desired objects, every problem (sorted, each
 * once), where the manifests came from ({@code paths}; read from git, also the {@code ref} and
 * resolved {@code commit}), and the warnings silenced rather than shown. A value: a later check
 * makes a new one with more diagnostics.
 */
public record Validation(
        DesiredState desired, List<Diagnostic> diagnostics, Map<String, String> source, Silenced silenced) {

    public Validation {
        Diagnostics collected = new Diagnostics();
        collected.addAll(diagnostics);
        diagnostics = collected.sorted();
        source = Map.copyOf(source);
    }

    /** Manifests read, with nothing silenced yet. */
    public Validation(DesiredState desired, List<Diagnostic> diagnostics, Map<String, String> source) {
        this(desired, diagnostics, source, Silenced.NONE);
    }

    /** The same validation with more problems found by a later check, and more warnings it silenced. */
    public Validation with(Collection<Diagnostic> more, Silenced alsoSilenced) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(more);
        return new Validation(desired, all, source, silenced.plus(alsoSilenced));
    }

    /** The same validation without the warnings a run silences, counted among the silenced ones. */
    public Validation silencing(Silencing run) {
        Silencing.Filtered filtered = run.filter(diagnostics);
        return new Validation(desired, filtered.shown(), source, silenced.plus(filtered.silenced()));
    }

    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
