package io.tenantctl.render;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diff.Change;
import io.tenantctl.model.Kind;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.Provenance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a plan holds, sorted into the parts the Markdown comment shows: diagnostics by severity,
 * steps counted by impact, changed objects by kind, and the kept ones. Nothing here is computed
 * that the plan does not carry; it is only grouped.
 *
 * @param made how the plan was made, when known (plan files of earlier versions do not say)
 */
record MarkdownParts(
        Plan plan,
        String digest,
        Optional<Provenance> made,
        List<Diagnostic> errors,
        List<Diagnostic> warnings,
        StepImpacts.Counts counts,
        Map<Kind, List<Change>> changesByKind,
        List<Change> kept) {

    static MarkdownParts of(PlanDocument document) {
        Plan plan = document.plan();
        List<Diagnostic> errors = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        for (Diagnostic d : plan.diagnostics()) {
            (d.isError() ? errors : warnings).add(d);
        }
        Map<Kind, List<Change>> changesByKind = new EnumMap<>(Kind.class);
        List<Change> kept = new ArrayList<>();
        for (Change change : plan.changes()) {
            switch (change.action()) {
                case CREATE, UPDATE, DELETE ->
                    changesByKind
                            .computeIfAbsent(change.ref().kind(), k -> new ArrayList<>())
                            .add(change);
                case KEEP -> kept.add(change);
                case UNCHANGED -> {
                    // counted in the summary
                }
            }
        }
        return new MarkdownParts(
                plan,
                document.digest(),
                document.made(),
                Collections.unmodifiableList(errors),
                Collections.unmodifiableList(warnings),
                StepImpacts.Counts.of(plan.steps()),
                Collections.unmodifiableMap(changesByKind),
                Collections.unmodifiableList(kept));
    }

    /** How many objects change (created, updated or deleted). */
    int changed() {
        return changesByKind.values().stream().mapToInt(List::size).sum();
    }
}
