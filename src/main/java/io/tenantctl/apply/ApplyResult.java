package io.tenantctl.apply;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.plan.Plan;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of an apply, the plan it ran (when one was made), the revision it committed, and
 * the problems that stopped it.
 */
public record ApplyResult(Outcome outcome, Optional<Plan> plan, long revision, List<Diagnostic> diagnostics) {

    public ApplyResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
