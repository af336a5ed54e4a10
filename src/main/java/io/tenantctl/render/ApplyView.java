package io.tenantctl.render;

import io.tenantctl.apply.ApplyResult;
import io.tenantctl.json.Json;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.PlanWriter;
import io.tenantctl.plan.Summary;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code apply} says when it is done: one line for people, or for pipelines
 * {@code {"outcome", "revision", "plan"}}, the plan being the same document {@code plan -o json}
 * writes.
 */
public final class ApplyView {

    private ApplyView() {}

    /** The line that ends an apply. */
    public static String text(ApplyResult result, Style style) {
        int steps = result.plan().map(p -> p.steps().size()).orElse(0);
        return switch (result.outcome()) {
            case APPLIED ->
                style.green("Apply complete!") + " Revision " + result.revision() + ": "
                        + DiagnosticsView.plural(steps, "step") + " applied"
                        + result.plan()
                                .map(p -> " (" + counts(p.summary())
                                        + (p.summary().adopt() > 0
                                                ? ", " + p.summary().adopt() + " adopted into applyset " + p.applyset()
                                                : "")
                                        + ")")
                                .orElse("")
                        + ".";
            case NO_CHANGES ->
                "Nothing to apply: the state matches the manifests (revision " + result.revision() + ").";
            case DRY_RUN ->
                "Dry run: all " + DiagnosticsView.plural(steps, "step") + " were checked against the"
                        + " locked state at revision " + result.revision() + "; nothing was written.";
            case DECLINED -> "Apply cancelled; nothing was changed.";
            case PLAN_FAILED -> "Nothing was changed: the plan has errors.";
            case STALE -> "Nothing was changed: the saved plan is stale.";
            case STEP_FAILED -> "Nothing was changed: a step no longer holds against the state.";
        };
    }

    private static String counts(Summary s) {
        return s.create() + " created, " + s.update() + " updated, " + s.delete() + " deleted";
    }

    /**
     * The result as indented JSON with a final newline, streamed; {@code document} is the result's
     * plan with its digest, when a plan was made.
     */
    public static void json(ApplyResult result, Optional<PlanDocument> document, Writer out) {
        Json.pretty(out, gen -> {
            gen.writeStartObject();
            gen.writeStringProperty(
                    "outcome", result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            gen.writeNumberProperty("revision", result.revision());
            if (document.isPresent()) {
                gen.writeName("plan");
                PlanWriter.write(document.get(), gen);
            }
            gen.writeEndObject();
        });
    }
}
