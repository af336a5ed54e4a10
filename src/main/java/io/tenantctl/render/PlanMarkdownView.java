package io.tenantctl.render;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.FieldChange;
import io.tenantctl.json.Json;
import io.tenantctl.model.Kind;
import io.tenantctl.model.Names;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.Summary;
import io.tenantctl.step.Op;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The plan as a GitHub pull-request comment: a summary with the digest and base a reviewer
 * matches against what gets applied, the diagnostics, the steps with their actors, the changes
 * per object in collapsed blocks, and a Mermaid picture of the first steps.
 *
 * <p>A comment has a hard size limit, and a plan of twenty thousand objects is far larger. The
 * parts are therefore admitted by priority into a character budget: the summary always; then
 * errors; then every step that grants or revokes administrator rights or deletes an object; then
 * warnings; then the other steps; then the per-object changes; then the diagram. The first thing
 * that does not fit closes the budget, so everything of lower priority is left out too (a reader
 * never sees a diagram while steps are missing), and the comment says what was left out, with
 * counts, and where the full plan is. Privileged steps and deletions that still do not fit are
 * counted under a caution at the top rather than dropped silently.
 *
 * <p>All text from manifests goes through {@link Markdown}; the output depends only on the plan
 * and the options, so the same plan gives the same bytes.
 */
public final class PlanMarkdownView {

    /** Steps drawn at most: a picture of more is unreadable, and GitHub stops rendering large ones. */
    static final int DIAGRAM_STEPS = 30;
    /** The smaller picture tried when the full one does not fit. */
    static final int DIAGRAM_STEPS_SMALL = 10;
    /** Warnings listed at most; a large plan can have thousands that would crowd out its steps. */
    static final int WARNINGS_SHOWN = 50;
    /** More warnings than this are folded away, so that the steps are near the top. */
    static final int WARNINGS_OPEN = 5;
    /** Kept objects listed at most, as in the text view. */
    static final int KEPT_SHOWN = PlanTextView.KEPT_SHOWN;
    /**
     * Room held back for what is written after the budget is spent: the notes on what was left
     * out, section titles and the lines that end a cut list. Twice the caller's hint comes on top.
     */
    static final int RESERVE = 3_000;

    private static final String DIAGNOSTICS_TABLE = "| severity | code | where | message |\n|---|---|---|---|\n";
    private static final String STEPS_TABLE =
            "| # | impact | step | actor (authority) | effects |\n" + "|--:|---|---|---|---|\n";
    /** What a table's title and the lines around it may take, charged with its first row. */
    private static final int TABLE_FRAME = 300;
    /** What a kind's {@code <details>} block adds around its objects, charged with its first object. */
    private static final int DETAILS_FRAME = 200;

    private final Plan plan;
    private final String digest;
    private final MarkdownOptions options;
    private final String head;
    private final Budget budget;

    // What made it in, decided in priority order and written in reading order.
    private final List<String> errorRows = new ArrayList<>();
    private final List<String> warningRows = new ArrayList<>();
    private final List<Row> privilegedRows = new ArrayList<>();
    private final List<Row> otherRows = new ArrayList<>();
    private final Map<Kind, List<String>> objectBlocks = new EnumMap<>(Kind.class);
    private String keptBlock = "";
    private String diagram = "";
    private int diagramSteps;

    // What there is.
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private int grants;
    private int revokes;
    private int deletions;
    private int others;
    private final Map<Kind, List<Change>> changesByKind = new EnumMap<>(Kind.class);
    private final List<Change> kept = new ArrayList<>();

    private PlanMarkdownView(PlanDocument document, MarkdownOptions options) {
        this.plan = document.plan();
        this.digest = document.digest();
        this.options = options;
        for (Diagnostic d : plan.diagnostics()) {
            (d.isError() ? errors : warnings).add(d);
        }
        for (PlannedStep step : plan.steps()) {
            switch (step.step().op().privilege()) {
                case GRANT -> grants++;
                case REVOKE -> revokes++;
                case NONE -> {
                    if (step.step().op().isDeletion()) {
                        deletions++;
                    } else {
                        others++;
                    }
                }
            }
        }
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
        this.head = head();
        this.budget = new Budget(options.budget()
                - head.length()
                - RESERVE
                - 2 * options.fullPlan().length());
    }

    /** The comment; never longer than {@code options.budget()} characters. */
    public static String render(PlanDocument document, MarkdownOptions options) {
        PlanMarkdownView view = new PlanMarkdownView(document, options);
        view.admit();
        String comment = view.write();
        if (comment.length() > options.budget()) {
            // Cannot happen while RESERVE covers the notes; if it ever does, say so rather than exceed.
            return view.head + "\n" + caution("This plan is too large to show in a comment. " + fullPlan(options))
                    + "\n";
        }
        return comment;
    }

    // ---------------------------------------------------------------- admission, by priority

    private void admit() {
        admitRows(errors, errors.size(), errorRows);
        for (PlannedStep step : plan.steps()) {
            if (privileged(step)) {
                admitStep(step, privilegedRows);
            }
        }
        admitRows(warnings, WARNINGS_SHOWN, warningRows);
        for (PlannedStep step : plan.steps()) {
            if (!privileged(step)) {
                admitStep(step, otherRows);
            }
        }
        admitChanges();
        admitDiagram();
    }

    private void admitRows(List<Diagnostic> diagnostics, int most, List<String> into) {
        for (Diagnostic d : diagnostics.subList(0, Math.min(most, diagnostics.size()))) {
            String row = diagnosticRow(d);
            if (!budget.take(row.length() + (into.isEmpty() ? TABLE_FRAME : 0))) {
                return;
            }
            into.add(row);
        }
    }

    private void admitStep(PlannedStep step, List<Row> into) {
        if (budget.closed()) {
            return;
        }
        String row = stepRow(step);
        if (budget.take(row.length() + (into.isEmpty() ? TABLE_FRAME : 0))) {
            into.add(new Row(step.index(), step.step().op(), row));
        }
    }

    private void admitChanges() {
        for (Map.Entry<Kind, List<Change>> kind : changesByKind.entrySet()) {
            if (budget.closed()) {
                return;
            }
            List<String> blocks = new ArrayList<>();
            for (Change change : kind.getValue()) {
                String block = objectBlock(change);
                if (!budget.take(block.length() + (blocks.isEmpty() ? DETAILS_FRAME : 0))) {
                    break;
                }
                blocks.add(block);
            }
            if (!blocks.isEmpty()) {
                objectBlocks.put(kind.getKey(), blocks);
            }
        }
        if (!kept.isEmpty()) {
            String block = keptBlock();
            if (budget.take(block.length())) {
                keptBlock = block;
            }
        }
    }

    private void admitDiagram() {
        if (plan.steps().isEmpty()) {
            return;
        }
        for (int n : new int[] {DIAGRAM_STEPS, DIAGRAM_STEPS_SMALL}) {
            int steps = Math.min(n, plan.steps().size());
            String picture = diagram(steps);
            if (budget.takeIfFits(picture.length() + TABLE_FRAME)) {
                diagram = picture;
                diagramSteps = steps;
                return;
            }
        }
        budget.close();
    }

    private static boolean privileged(PlannedStep step) {
        return step.step().op().privilege() != Op.Privilege.NONE
                || step.step().op().isDeletion();
    }

    // ---------------------------------------------------------------- writing, in reading order

    private String write() {
        StringBuilder out = new StringBuilder(options.budget());
        out.append(head);
        int privilegedMissing = grants + revokes + deletions - privilegedRows.size();
        if (privilegedMissing > 0) {
            out.append('\n')
                    .append(caution("**" + Markdown.count(privilegedMissing) + " of "
                            + Markdown.count(grants + revokes + deletions) + " steps that grant or revoke administrator"
                            + " rights or delete an object are not shown here** (" + missingByImpact()
                            + "). Do not approve from this comment alone. " + fullPlan(options)));
        }
        List<String> left = leftOut(privilegedMissing);
        if (!left.isEmpty()) {
            out.append("\n> [!WARNING]\n> This comment leaves out part of the plan to stay under ")
                    .append(Markdown.count(options.budget()))
                    .append(" characters:\n");
            left.forEach(item -> out.append("> - ").append(item).append('\n'));
            out.append(">\n> ").append(fullPlan(options)).append('\n');
        }
        diagnostics(out);
        steps(out);
        changes(out);
        diagram(out);
        return out.toString();
    }

    /** What the budget left out, most important first. */
    private List<String> leftOut(int privilegedMissing) {
        List<String> items = new ArrayList<>();
        if (errorRows.size() < errors.size()) {
            items.add(part(errors.size() - errorRows.size(), errors.size()) + " errors");
        }
        if (privilegedMissing > 0) {
            items.add(part(privilegedMissing, grants + revokes + deletions) + " steps that grant or revoke"
                    + " administrator rights or delete an object (see the caution above)");
        }
        if (warningRows.size() < Math.min(WARNINGS_SHOWN, warnings.size())) {
            items.add(part(warnings.size() - warningRows.size(), warnings.size()) + " warnings"
                    + (warnings.size() > WARNINGS_SHOWN ? " (at most " + WARNINGS_SHOWN + " are ever listed)" : ""));
        }
        if (otherRows.size() < others) {
            items.add(part(others - otherRows.size(), others) + " other steps (they neither change administrator"
                    + " rights nor delete)");
        }
        int changed = changesByKind.values().stream().mapToInt(List::size).sum();
        int shown = objectBlocks.values().stream().mapToInt(List::size).sum();
        if (shown < changed) {
            items.add("the changes of " + part(changed - shown, changed) + " objects");
        }
        if (!kept.isEmpty() && keptBlock.isEmpty()) {
            items.add("the list of " + Markdown.plural(kept.size(), "kept object"));
        }
        if (!plan.steps().isEmpty()
                && diagramSteps < Math.min(DIAGRAM_STEPS, plan.steps().size())) {
            items.add(
                    diagramSteps == 0
                            ? "the diagram"
                            : "the diagram beyond its first " + Markdown.plural(diagramSteps, "step"));
        }
        return items;
    }

    /** {@code 3 of 10}, or {@code all 10}. */
    private static String part(int missing, int total) {
        return missing == total
                ? "all " + Markdown.count(total)
                : Markdown.count(missing) + " of " + Markdown.count(total);
    }

    private String missingByImpact() {
        int grantsShown = 0;
        int revokesShown = 0;
        int deletionsShown = 0;
        for (Row row : privilegedRows) {
            switch (row.op().privilege()) {
                case GRANT -> grantsShown++;
                case REVOKE -> revokesShown++;
                case NONE -> deletionsShown++;
            }
        }
        return Markdown.count(grants - grantsShown) + " grant, " + Markdown.count(revokes - revokesShown) + " revoke, "
                + Markdown.count(deletions - deletionsShown) + " delete";
    }

    // ---------------------------------------------------------------- the head

    private String head() {
        Summary s = plan.summary();
        StringBuilder out = new StringBuilder();
        if (plan.failed()) {
            out.append("### tenantctl plan failed: nothing will change\n\n");
            out.append(caution("The plan failed with " + Markdown.plural(errors.size(), "error") + " (listed below)."
                    + " It has no steps, so applying it would change nothing. Fix the manifests"
                    + (plan.as().isEmpty() ? "" : " or the identities given with `--as`") + ", then plan again."));
        } else if (!plan.hasChanges()) {
            out.append("### tenantctl plan: no changes\n\nThe state matches the manifests.\n");
        } else {
            out.append("### tenantctl plan: ")
                    .append(Markdown.count(s.create()))
                    .append(" to create, ")
                    .append(Markdown.count(s.update()))
                    .append(" to update, ")
                    .append(Markdown.count(s.delete()))
                    .append(" to delete\n");
        }
        out.append("\n| plan | count |\n|:--|--:|\n");
        out.append("| objects to create | ").append(Markdown.count(s.create())).append(" |\n");
        out.append("| objects to update | ").append(Markdown.count(s.update())).append(" |\n");
        out.append("| objects to delete | ").append(Markdown.count(s.delete())).append(" |\n");
        out.append("| objects unchanged | ")
                .append(Markdown.count(s.unchanged()))
                .append(" |\n");
        out.append("| objects kept (in the state, not in the manifests) | ")
                .append(Markdown.count(s.kept()))
                .append(" |\n");
        if (s.adopt() > 0) {
            out.append("| objects adopted into applyset ")
                    .append(Markdown.text(plan.applyset()))
                    .append(" | ")
                    .append(Markdown.count(s.adopt()))
                    .append(" |\n");
        }
        if (!plan.drift().isEmpty()) {
            out.append("| objects that drifted (changed by others; the plan puts them back) | ")
                    .append(Markdown.count(plan.drift().size()))
                    .append(" |\n");
        }
        out.append("| **steps** | **")
                .append(Markdown.count(plan.steps().size()))
                .append("** |\n");
        out.append("| steps that grant administrator rights | ")
                .append(Markdown.count(grants))
                .append(" |\n");
        out.append("| steps that revoke administrator rights | ")
                .append(Markdown.count(revokes))
                .append(" |\n");
        out.append("| steps that delete an object | ")
                .append(Markdown.count(deletions))
                .append(" |\n");

        out.append("\n- **Digest:** ")
                .append(Markdown.id(digest))
                .append(" (as in the plan's JSON; a saved plan is applied only with this digest)\n");
        out.append("- **Base:** state lineage ")
                .append(Markdown.id(plan.base().lineage()))
                .append(", revision ")
                .append(plan.base().revision())
                .append(" (the plan applies only to this revision)\n");
        out.append("- **Applyset:** ")
                .append(Markdown.text(plan.applyset()))
                .append(" (it owns what the manifests declare, and prunes only what it owns)\n");
        out.append("- **Profile:** ").append(Markdown.text(plan.profile()));
        new TreeMap<>(plan.source())
                .forEach((key, value) -> out.append("; **")
                        .append(Markdown.text(key))
                        .append(":** ")
                        .append(Markdown.text(value)));
        out.append("; **acting as:** ")
                .append(
                        plan.as().isEmpty()
                                ? "anyone who holds each step's authority"
                                : Markdown.text(String.join(", ", plan.as())))
                .append('\n');
        if (!plan.drift().isEmpty()) {
            out.append("\n> [!WARNING]\n> Drift: changed by others since applyset ")
                    .append(Markdown.text(plan.applyset()))
                    .append(" applied them; this plan puts them back:\n");
            plan.drift().stream()
                    .limit(20)
                    .forEach(d -> out.append("> - ")
                            .append(Markdown.text(d.describe()))
                            .append('\n'));
            if (plan.drift().size() > 20) {
                out.append("> - and ")
                        .append(Markdown.count(plan.drift().size() - 20))
                        .append(" more\n");
            }
        }
        return out.toString();
    }

    private static String caution(String text) {
        return "> [!CAUTION]\n> " + text + "\n";
    }

    /** The caller's hint is Markdown it chose; it may not open HTML. */
    private static String fullPlan(MarkdownOptions options) {
        return "Full plan: " + options.fullPlan().replace("<", "&lt;").replace(">", "&gt;") + ".";
    }

    // ---------------------------------------------------------------- diagnostics

    private void diagnostics(StringBuilder out) {
        if (errors.isEmpty() && warnings.isEmpty()) {
            return;
        }
        out.append("\n#### Diagnostics\n\n");
        if (errorRows.isEmpty() && warningRows.isEmpty()) {
            out.append(Markdown.plural(errors.size(), "error"))
                    .append(" and ")
                    .append(Markdown.plural(warnings.size(), "warning"))
                    .append(": none fit in this comment.\n");
            return;
        }
        if (warnings.size() <= WARNINGS_OPEN) {
            out.append(DIAGNOSTICS_TABLE);
            errorRows.forEach(out::append);
            warningRows.forEach(out::append);
        } else {
            if (!errorRows.isEmpty()) {
                out.append(DIAGNOSTICS_TABLE);
                errorRows.forEach(out::append);
                out.append('\n');
            }
            if (!warningRows.isEmpty()) {
                out.append("<details><summary>").append(Markdown.plural(warnings.size(), "warning"));
                if (warningRows.size() < warnings.size()) {
                    out.append(" (the first ")
                            .append(Markdown.count(warningRows.size()))
                            .append(" listed)");
                }
                out.append("</summary>\n\n").append(DIAGNOSTICS_TABLE);
                warningRows.forEach(out::append);
                out.append("\n</details>\n");
            }
        }
        int errorsLeft = errors.size() - errorRows.size();
        int warningsLeft = warnings.size() - warningRows.size();
        List<String> left = new ArrayList<>();
        if (errorsLeft > 0) {
            left.add(Markdown.plural(errorsLeft, "more error"));
        }
        if (warningsLeft > 0) {
            left.add(Markdown.plural(warningsLeft, "more warning")
                    + (warnings.size() > WARNINGS_SHOWN
                            ? " (at most " + WARNINGS_SHOWN + " warnings are listed)"
                            : ""));
        }
        if (!left.isEmpty()) {
            out.append("\nNot listed here: ").append(String.join(" and ", left)).append(".\n");
        }
    }

    private static String diagnosticRow(Diagnostic d) {
        return "| " + (d.isError() ? "**error**" : "warning") + " | " + Markdown.text(d.code()) + " | "
                + Markdown.text(d.location().toString()) + " | " + Markdown.text(d.message()) + " |\n";
    }

    // ---------------------------------------------------------------- steps

    private void steps(StringBuilder out) {
        out.append("\n#### Steps, in order\n\n");
        if (plan.steps().isEmpty()) {
            out.append(
                    plan.failed()
                            ? "None: the plan failed, so nothing will be applied.\n"
                            : "None: there is nothing to do.\n");
            return;
        }
        int privilegedTotal = grants + revokes + deletions;
        if (privilegedRows.size() == privilegedTotal && otherRows.size() == others) {
            out.append(STEPS_TABLE);
            merge(privilegedRows, otherRows).forEach(row -> out.append(row.text()));
            return;
        }
        out.append("Not every step fits in this comment. The steps that grant or revoke administrator rights or"
                + " delete an object come first; the numbers are each step's place in the plan.\n\n");
        out.append("**Steps that grant or revoke administrator rights or delete an object** (")
                .append(shown(privilegedRows.size(), privilegedTotal))
                .append(")\n\n");
        if (!privilegedRows.isEmpty()) {
            out.append(STEPS_TABLE);
            privilegedRows.forEach(row -> out.append(row.text()));
        }
        if (privilegedRows.size() < privilegedTotal) {
            out.append("\n**")
                    .append(Markdown.count(privilegedTotal - privilegedRows.size()))
                    .append(" more of these steps are not shown here** (see the caution at the top).\n");
        }
        out.append("\n**Other steps** (")
                .append(shown(otherRows.size(), others))
                .append(")\n\n");
        if (!otherRows.isEmpty()) {
            out.append(STEPS_TABLE);
            otherRows.forEach(row -> out.append(row.text()));
        }
    }

    private static String shown(int shown, int total) {
        if (shown == total) {
            return "all " + Markdown.count(total);
        }
        return (shown == 0 ? "none" : Markdown.count(shown)) + " of " + Markdown.count(total) + " shown";
    }

    private static List<Row> merge(List<Row> a, List<Row> b) {
        List<Row> all = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j == b.size() || (i < a.size() && a.get(i).index() < b.get(j).index())) {
                all.add(a.get(i++));
            } else {
                all.add(b.get(j++));
            }
        }
        return all;
    }

    private static String stepRow(PlannedStep step) {
        StringBuilder effects = new StringBuilder();
        for (String effect : step.effects()) {
            effects.append(effects.length() == 0 ? "" : "<br>").append(Markdown.text(effect));
        }
        return "| " + step.index() + " | " + impact(step.step().op()) + " | "
                + Markdown.text(step.step().describe()) + " | " + Markdown.text(PlanTextView.actor(step)) + " | "
                + effects + " |\n";
    }

    private static String impact(Op op) {
        return switch (op.privilege()) {
            case GRANT -> "**grant**";
            case REVOKE -> "**revoke**";
            case NONE -> op.isDeletion() ? "**delete**" : "";
        };
    }

    // ---------------------------------------------------------------- changes per object

    private void changes(StringBuilder out) {
        if (changesByKind.isEmpty() && kept.isEmpty()) {
            return;
        }
        out.append("\n#### Changes per object\n\n");
        if (plan.failed()) {
            out.append("The plan failed, so none of these changes will be made; they are what the manifests ask"
                    + " for.\n\n");
        }
        if (objectBlocks.isEmpty() && keptBlock.isEmpty()) {
            out.append("Left out to keep this comment short (see above).\n");
            return;
        }
        for (Map.Entry<Kind, List<String>> kind : objectBlocks.entrySet()) {
            List<Change> all = changesByKind.get(kind.getKey());
            out.append("<details><summary>")
                    .append(kind.getKey().manifestName())
                    .append(": ")
                    .append(counts(all));
            if (kind.getValue().size() < all.size()) {
                out.append(" (the first ")
                        .append(Markdown.count(kind.getValue().size()))
                        .append(" shown)");
            }
            out.append("</summary>\n\n```diff\n");
            kind.getValue().forEach(out::append);
            out.append("```\n\n</details>\n\n");
        }
        out.append(keptBlock);
    }

    private static String counts(List<Change> changes) {
        Map<ChangeAction, Integer> n = new EnumMap<>(ChangeAction.class);
        changes.forEach(c -> n.merge(c.action(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        n.forEach((action, count) -> parts.add(Markdown.count(count) + " to " + action.wireName()));
        return String.join(", ", parts);
    }

    /** One object in a {@code diff} block: green for what is added, red for removed, orange for changed. */
    private static String objectBlock(Change change) {
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
            if (change.action() == ChangeAction.CREATE || f.before().isNull()) {
                line = "+   " + path + ": " + value(f.after());
            } else if (change.action() == ChangeAction.DELETE || f.after().isNull()) {
                line = "-   " + path + ": " + value(f.before());
            } else {
                line = "!   " + path + ": " + value(f.before()) + " -> " + value(f.after());
            }
            out.append(Markdown.codeLine(line)).append('\n');
        }
        return out.toString();
    }

    /** As the text view writes values, but strings JSON-quoted so that no line break survives. */
    static String value(JsonNode node) {
        return InlineValue.render(node, Json::compact);
    }

    private String keptBlock() {
        StringBuilder out = new StringBuilder("<details><summary>Kept: ")
                .append(Markdown.plural(kept.size(), "object"))
                .append(" in the state but not in the manifests" + " (pruning would delete them)</summary>\n\n");
        for (Change change : kept.subList(0, Math.min(KEPT_SHOWN, kept.size()))) {
            out.append("- ").append(Markdown.text(change.ref().toString())).append('\n');
        }
        if (kept.size() > KEPT_SHOWN) {
            out.append("- and ")
                    .append(Markdown.count(kept.size() - KEPT_SHOWN))
                    .append(" more\n");
        }
        return out.append("\n</details>\n\n").toString();
    }

    // ---------------------------------------------------------------- diagram

    private void diagram(StringBuilder out) {
        if (diagram.isEmpty()) {
            return;
        }
        out.append("#### Diagram\n\n");
        if (diagramSteps < plan.steps().size()) {
            out.append("The first ")
                    .append(Markdown.count(diagramSteps))
                    .append(" of ")
                    .append(Markdown.plural(plan.steps().size(), "step"))
                    .append(" and what they act on.\n\n");
        } else {
            out.append("The steps in order and what they act on.\n\n");
        }
        out.append(diagram);
    }

    /**
     * A flowchart of the first {@code n} steps, chained in order, each with edges to the object it
     * acts on, the account it grants, revokes or names, and a transfer's tenants. Node ids are
     * made here ({@code s3}, {@code o1}, {@code a2}); text from manifests appears only in quoted,
     * allow-listed labels.
     */
    private String diagram(int n) {
        StringBuilder nodes = new StringBuilder();
        StringBuilder edges = new StringBuilder();
        Map<String, String> objects = new LinkedHashMap<>();
        Map<String, String> accounts = new LinkedHashMap<>();
        Map<String, List<String>> classes = new TreeMap<>();
        String previous = null;
        for (PlannedStep planned : plan.steps().subList(0, n)) {
            Step step = planned.step();
            String id = "s" + planned.index();
            nodes.append("  ")
                    .append(id)
                    .append("[\"")
                    .append(planned.index())
                    .append(". ")
                    .append(Markdown.label(step.op().wireName()))
                    .append("\"]\n");
            if (previous != null) {
                edges.append("  ").append(previous).append(" ==> ").append(id).append('\n');
            }
            previous = id;
            edges.append("  ")
                    .append(id)
                    .append(" --> ")
                    .append(node(
                            objects,
                            "o",
                            step.target().toString(),
                            step.target().toString(),
                            nodes))
                    .append('\n');
            if (step.account().isPresent()) {
                String edge = switch (step.op().privilege()) {
                    case GRANT -> "gets rights";
                    case REVOKE -> "loses rights";
                    case NONE -> "account";
                };
                edges.append("  ")
                        .append(id)
                        .append(" -.->|")
                        .append(edge)
                        .append("| ")
                        .append(node(
                                accounts,
                                "a",
                                Names.key(step.account().get()),
                                step.account().get(),
                                nodes))
                        .append('\n');
            }
            if (step.from().isPresent() && step.to().isPresent()) {
                for (String[] end : new String[][] {
                    {"from", step.from().get()}, {"to", step.to().get()}
                }) {
                    String tenant = Kind.TENANT.manifestName() + "/" + end[1];
                    edges.append("  ")
                            .append(id)
                            .append(" -.->|")
                            .append(end[0])
                            .append("| ")
                            .append(node(objects, "o", tenant, tenant, nodes))
                            .append('\n');
                }
            }
            String impact = switch (step.op().privilege()) {
                case GRANT -> "grant";
                case REVOKE -> "revoke";
                case NONE -> step.op().isDeletion() ? "delete" : "";
            };
            if (!impact.isEmpty()) {
                classes.computeIfAbsent(impact, k -> new ArrayList<>()).add(id);
            }
        }
        StringBuilder out =
                new StringBuilder("```mermaid\nflowchart TD\n").append(nodes).append(edges);
        out.append("  classDef grant stroke:#1a7f37,stroke-width:3px\n");
        out.append("  classDef revoke stroke:#cf222e,stroke-width:3px\n");
        out.append("  classDef delete stroke:#cf222e,stroke-width:3px,stroke-dasharray:5 5\n");
        classes.forEach((name, ids) -> out.append("  class ")
                .append(String.join(",", ids))
                .append(' ')
                .append(name)
                .append('\n'));
        return out.append("```\n").toString();
    }

    private static String node(Map<String, String> ids, String prefix, String key, String label, StringBuilder nodes) {
        String id = ids.get(key);
        if (id == null) {
            id = prefix + (ids.size() + 1);
            ids.put(key, id);
            nodes.append("  ")
                    .append(id)
                    .append("[\"")
                    .append(Markdown.label(label))
                    .append("\"]\n");
        }
        return id;
    }

    // ---------------------------------------------------------------- the budget

    /** A step's row, with what is needed to count it and to merge the two tables back into plan order. */
    private record Row(int index, Op op, String text) {}

    /**
     * Characters left to spend. The first part that does not fit closes it, so that what has
     * lower priority is left out even when it is small enough.
     */
    private static final class Budget {
        private int left;
        private boolean closed;

        Budget(int left) {
            this.left = left;
            this.closed = left <= 0;
        }

        boolean take(int chars) {
            if (!takeIfFits(chars)) {
                closed = true;
                return false;
            }
            return true;
        }

        /** For one of several alternatives: a miss leaves the budget open for the next. */
        boolean takeIfFits(int chars) {
            if (closed || chars > left) {
                return false;
            }
            left -= chars;
            return true;
        }

        boolean closed() {
            return closed;
        }

        void close() {
            closed = true;
        }
    }
}
