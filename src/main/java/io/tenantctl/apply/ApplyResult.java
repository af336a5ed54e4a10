package io.tenantctl.apply;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.plan.Plan;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of an apply, the plan it ran (when one was made), the revision it committed, the
 * problems that stopped it, and for a live provider what it did to real tenants step by step.
 */
public record ApplyResult(
        Outcome outcome, Optional<Plan> plan, long revision, List<Diagnostic> diagnostics, Optional<LiveReport> live) {

    public ApplyResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public ApplyResult(Outcome outcome, Optional<Plan> plan, long revision, List<Diagnostic> diagnostics) {
        this(outcome, plan, revision, diagnostics, Optional.empty());
    }
}
