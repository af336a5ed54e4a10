package io.tenantctl.engine;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.plan.Drift;
import java.util.List;

/**
 * What {@code drift} found: the drifted objects, and what kept it from seeing all of them (a live
 * provider's reads that failed: an object that could not be read has unknown drift, never none).
 */
public record DriftReport(List<Drift> drift, List<Diagnostic> diagnostics) {

    public DriftReport {
        drift = List.copyOf(drift);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean failed() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
