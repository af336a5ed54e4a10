package io.tenantctl.render;

import io.tenantctl.apply.ApplyResult;
import io.tenantctl.apply.LiveReport;
import io.tenantctl.json.Json;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.PlanWriter;
import io.tenantctl.plan.Summary;
import io.tenantctl.step.ExternalAction;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code apply} says when it is done: one line for people, or for pipelines
 * {@code {"outcome", "revision", "plan"}}, the plan being the same document {@code plan -o json}
 * writes.
 */
public final class ApplyView {

    private ApplyView() {}

    /** The line that ends an apply. */
    public static String text(ApplyResult result, Style style) {
        int steps = result.applied();
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
            case AWAITING -> awaiting(result);
            case REQUEST_FAILED ->
                result.live()
                        .map(live -> "A request failed at step "
                                + live.failed()
                                        .map(f -> String.valueOf(f.index()))
                                        .orElse("?") + ": "
                                + DiagnosticsView.plural(live.done().size(), "step") + " done"
                                + (result.revision() > 0 ? " (recorded up to revision " + result.revision() + ")" : "")
                                + ", " + DiagnosticsView.plural(live.notRun().size(), "step")
                                + " not run. Apply the same plan again, or apply --resume, to resume.")
                        .orElse("A request failed.");
        };
    }

    /** What an apply that waits for external actions did, and one line per action it waits for. */
    private static String awaiting(ApplyResult result) {
        StringBuilder out = new StringBuilder();
        out.append(
                result.applied() == 0
                        ? "Nothing was applied yet"
                        : "Revision " + result.revision() + ": " + DiagnosticsView.plural(result.applied(), "step")
                                + " applied");
        out.append("; waiting for ")
                .append(DiagnosticsView.plural(result.awaited().size(), "external action"))
                .append(':');
        result.awaited().forEach(a -> out.append("\n  ").append(a.line()));
        out.append(
                result.live().isPresent()
                        ? "\nOnce done, apply again (the same plan, -f, or --resume): the provider reads in the tenants"
                                + " whether each was done."
                        : "\nOnce done, apply again with --confirm ID for each.");
        return out.toString();
    }

    private static String counts(Summary s) {
        return s.create() + " created, " + s.update() + " updated, " + s.delete() + " deleted";
    }

    /** What a live apply did, step by step: {@code run}, {@code resumed}, {@code done}, {@code failed}, {@code notRun}. */
    private static ObjectNode live(LiveReport live) {
        ObjectNode node = Json.object();
        node.put("run", live.run());
        node.put("resumed", live.resumed());
        ArrayNode done = node.putArray("done");
        live.done().forEach(done::add);
        live.failed().ifPresent(f -> {
            ObjectNode failed = node.putObject("failed");
            failed.put("index", f.index());
            failed.put("step", f.step());
            failed.put("code", f.code());
            f.requestId().ifPresent(id -> failed.put("requestId", id));
            failed.put("message", f.message());
        });
        ArrayNode notRun = node.putArray("notRun");
        live.notRun().forEach(notRun::add);
        return node;
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
            if (!result.awaited().isEmpty()) {
                gen.writeNumberProperty("applied", result.applied());
                gen.writeName("awaited");
                gen.writeStartArray();
                for (ExternalAction a : result.awaited()) {
                    gen.writeStartObject();
                    gen.writeStringProperty("id", a.id());
                    gen.writeStringProperty("who", a.who());
                    gen.writeStringProperty("what", a.what());
                    gen.writeEndObject();
                }
                gen.writeEndArray();
            }
            result.live().ifPresent(live -> {
                gen.writeName("live");
                gen.writeTree(live(live));
            });
            if (document.isPresent()) {
                gen.writeName("plan");
                PlanWriter.write(document.get(), gen);
            }
            gen.writeEndObject();
        });
    }
}
