package io.tenantctl.apply;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.plan.Plan;
import io.tenantctl.step.ExternalAction;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of an apply, the plan it ran (when one was made), the revision it committed, the
 * problems that stopped it, and for a live provider what it did to real tenants step by step.
 *
 * @param awaited the external actions the apply waits for ({@link Outcome#AWAITING})
 * @param applied how many of the plan's steps this apply committed
 */
public record ApplyResult(
        Outcome outcome,
        Optional<Plan> plan,
        long revision,
        List<Diagnostic> diagnostics,
        Optional<LiveReport> live,
        List<ExternalAction> awaited,
        int applied) {

    public ApplyResult {
        diagnostics = List.copyOf(diagnostics);
        awaited = List.copyOf(awaited);
    }

    public ApplyResult(
            Outcome outcome,
            Optional<Plan> plan,
            long revision,
            List<Diagnostic> diagnostics,
            Optional<LiveReport> live) {
        this(
                outcome,
                plan,
                revision,
                diagnostics,
                live,
                List.of(),
                plan.map(p -> p.steps().size()).orElse(0));
    }

    public ApplyResult(Outcome outcome, Optional<Plan> plan, long revision, List<Diagnostic> diagnostics) {
        this(outcome, plan, revision, diagnostics, Optional.empty());
    }
}
