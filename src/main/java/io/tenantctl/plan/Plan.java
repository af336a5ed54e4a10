package io.tenantctl.plan;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diff.Change;
import io.tenantctl.step.PlannedStep;
import java.util.List;
import java.util.Map;

/**
 * A plan: what changes per object (for review) and the steps that make them (to execute), made
 * against one revision of one state. A failed plan has error diagnostics and no steps. This one
 * value is what the text, JSON and Markdown views render and what a saved plan file holds.
 *
 * @param as      the {@code --as} identities the plan was restricted to (empty: anyone)
 * @param source  where the manifests came from ({@code paths}, and with git a {@code commit})
 */
public record Plan(
        Base base,
        String profile,
        List<String> as,
        Map<String, String> source,
        Summary summary,
        List<Change> changes,
        List<PlannedStep> steps,
        List<Diagnostic> diagnostics) {

    public static final int FORMAT_VERSION = 1;

    public Plan {
        as = List.copyOf(as);
        source = Map.copyOf(source);
        changes = List.copyOf(changes);
        steps = List.copyOf(steps);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean failed() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** True when applying it would change the state. */
    public boolean hasChanges() {
        return !steps.isEmpty();
    }
}
