package io.tenantctl.plan;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diff.Change;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.step.PlannedStep;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plan: what changes per object (for review) and the steps that make them (to execute), made
 * against one revision of one state. A failed plan has error diagnostics and no steps. This one
 * value is what the text, JSON and Markdown views render and what a saved plan file holds.
 *
 * @param as       the {@code --as} identities the plan was restricted to (empty: anyone)
 * @param source   where the manifests came from ({@code paths}, and with git a {@code commit})
 * @param applyset the manifest set the plan is for: it owns what they declare, and prunes only
 *                 what it owns
 * @param declared every object the manifests declare, which the applyset owns once applied
 * @param drift    declared objects that were changed by others since the applyset applied them
 */
public record Plan(
        Base base,
        String profile,
        List<String> as,
        Map<String, String> source,
        String applyset,
        List<ObjectRef> declared,
        Summary summary,
        List<Change> changes,
        List<PlannedStep> steps,
        List<Drift> drift,
        List<Diagnostic> diagnostics) {

    public static final int FORMAT_VERSION = 1;

    public Plan {
        as = List.copyOf(as);
        source = Map.copyOf(source);
        declared = List.copyOf(declared);
        drift = List.copyOf(drift);
        changes = List.copyOf(changes);
        steps = List.copyOf(steps);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean failed() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Where the manifests came from, in one line ({@code commit=..., paths=...}), as the store records it. */
    public String sourceText() {
        return sourceLine(source, '=');
    }

    /** A source's entries sorted by key, {@code key<separator>value} joined by commas. */
    static String sourceLine(Map<String, String> source, char separator) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(source)
                .forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ")
                        .append(k)
                        .append(separator)
                        .append(v));
        return out.toString();
    }

    /** True when applying it would change the state: steps to run, or objects to adopt. */
    public boolean hasChanges() {
        return !steps.isEmpty() || summary.adopt() > 0;
    }
}
