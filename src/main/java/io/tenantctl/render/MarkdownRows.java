package io.tenantctl.render;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.FieldChange;
import io.tenantctl.json.Json;
import io.tenantctl.plan.Provenance;
import io.tenantctl.step.Impact;
import io.tenantctl.step.PlannedStep;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The smallest pieces of the Markdown plan, each written once: the budget measures them and the
 * layout puts them in place. Every text from a manifest goes through {@link Markdown}.
 */
final class MarkdownRows {

    static final String DIAGNOSTICS_TABLE = "| severity | code | where | message |\n|---|---|---|---|\n";
    static final String STEPS_TABLE =
            "| # | impact | step | actor (authority) | effects |\n" + "|--:|---|---|---|---|\n";

    private MarkdownRows() {}

    /** A step's row, with what is needed to count it and to merge the two tables back into plan order. */
    record Row(int index, Set<Impact> impact, String text) {

        static Row of(PlannedStep step) {
            return new Row(step.index(), StepImpacts.of(step), step(step));
        }
    }

    static String diagnostic(Diagnostic d) {
        return "| " + (d.isError() ? "**error**" : "warning") + " | " + Markdown.text(d.code()) + " | "
                + Markdown.text(d.location().toString()) + " | " + Markdown.text(d.message()) + " |\n";
    }

    private static String step(PlannedStep step) {
        StringBuilder effects = new StringBuilder();
        for (String effect : step.effectWords()) {
            effects.append(effects.length() == 0 ? "" : "<br>").append(Markdown.text(effect));
        }
        return "| " + step.index() + " | " + StepImpacts.words(StepImpacts.of(step)) + " | "
                + Markdown.text(step.step().describe() + (step.temporary() ? " (temporary)" : "")) + " | "
                + Markdown.text(PlanTextView.actor(step)) + " | "
                + effects + " |\n";
    }

    /** One object in a {@code diff} block: green for what is added, red for removed, orange for changed. */
    static String object(Change change) {
        StringBuilder out = new StringBuilder();
        String ref = Markdown.codeLine(change.ref().toString());
        switch (change.action()) {
            case CREATE -> out.append("+ ").append(ref).append(" will be created\n");
            case UPDATE -> out.append("! ").append(ref).append(" will be updated in place\n");
            case DELETE -> out.append("- ").append(ref).append(" will be deleted\n");
            case UNCHANGED, KEEP -> {
                return "";
            }
        }
        for (FieldChange f : change.fields()) {
            String path = f.path().isEmpty() ? f.path() : f.path().substring(1).replace('/', '.');
            String line;
            StringBuilder elements = new StringBuilder();
            if (change.action() == ChangeAction.CREATE || f.before().isNull()) {
                line = "+   " + path + ": " + value(f.after());
            } else if (change.action() == ChangeAction.DELETE || f.after().isNull()) {
                line = "-   " + path + ": " + value(f.before());
            } else if (f.hasElements()) {
                line = "!   " + path + ":";
                f.added()
                        .forEach(e -> elements.append(Markdown.codeLine("+     " + PlanTextView.element(e)))
                                .append('\n'));
                f.removed()
                        .forEach(e -> elements.append(Markdown.codeLine("-     " + PlanTextView.element(e)))
                                .append('\n'));
            } else {
                line = "!   " + path + ": " + value(f.before()) + " -> " + value(f.after());
            }
            out.append(Markdown.codeLine(line)).append('\n').append(elements);
        }
        return out.toString();
    }

    /** As the text view writes values, but strings JSON-quoted so that no line break survives. */
    static String value(JsonNode node) {
        return InlineValue.render(node, Json::compact);
    }

    /**
     * The objects in the state that the manifests do not declare. Which of them a prune takes
     * depends on ownership and protection, which the plan does not list per object, so no line
     * says an object would be deleted: the note says what {@code --prune} did or would do.
     */
    static String kept(List<Change> kept, Optional<Provenance> made) {
        String note = made.map(m -> m.prune()
                        ? "`--prune` was on: these are protected or not this applyset's, so they stay"
                        : "`--prune` was off; with it, those this applyset owns would be deleted, except"
                                + " protected ones")
                .orElse("`--prune` deletes only those this applyset owns that are not protected");
        StringBuilder out = new StringBuilder("<details><summary>Kept: ")
                .append(Markdown.plural(kept.size(), "object"))
                .append(" in the state but not in the manifests (")
                .append(note)
                .append(")</summary>\n\n");
        for (Change change : kept.subList(0, Math.min(PlanMarkdownView.KEPT_SHOWN, kept.size()))) {
            out.append("- ").append(Markdown.text(change.ref().toString())).append('\n');
        }
        if (kept.size() > PlanMarkdownView.KEPT_SHOWN) {
            out.append("- and ")
                    .append(Markdown.count(kept.size() - PlanMarkdownView.KEPT_SHOWN))
                    .append(" more\n");
        }
        return out.append("\n</details>\n\n").toString();
    }
}
