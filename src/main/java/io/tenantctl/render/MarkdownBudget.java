package io.tenantctl.render;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diff.Change;
import io.tenantctl.model.Kind;
import io.tenantctl.step.PlannedStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what of a plan fits in a comment, by priority: errors; then every step that grants or
 * revokes administrator rights or deletes an object; then the other steps; then the per-object
 * changes and the kept objects; then warnings; then the diagram. Changes come before warnings
 * because they are what the reviewer approves: a plan with fifty warnings once showed two of its
 * 181 changed objects. The first part that does not fit closes the budget, so everything of lower
 * priority is left out too (a reader never sees a diagram while steps are missing).
 */
final class MarkdownBudget {

    /** What a table's title and the lines around it may take, charged with its first row. */
    private static final int TABLE_FRAME = 300;
    /** What a kind's {@code <details>} block adds around its objects, charged with its first object. */
    private static final int DETAILS_FRAME = 200;

    /**
     * What made it in, in priority order; the layout writes it in reading order.
     *
     * @param diagramSteps how many steps the diagram draws (0: no diagram)
     */
    record Admitted(
            List<String> errorRows,
            List<String> warningRows,
            List<MarkdownRows.Row> privilegedRows,
            List<MarkdownRows.Row> otherRows,
            Map<Kind, List<String>> objectBlocks,
            String keptBlock,
            String diagram,
            int diagramSteps) {

        /** How many objects' changes are shown. */
        int objects() {
            return objectBlocks.values().stream().mapToInt(List::size).sum();
        }
    }

    private int left;
    private boolean closed;

    private MarkdownBudget(int left) {
        this.left = left;
        this.closed = left <= 0;
    }

    /** What of these parts fits in {@code characters}, admitted by priority. */
    static Admitted admit(MarkdownParts parts, int characters) {
        return new MarkdownBudget(characters).admit(parts);
    }

    private Admitted admit(MarkdownParts parts) {
        List<String> errorRows = rows(parts.errors(), parts.errors().size());
        List<MarkdownRows.Row> privilegedRows = new ArrayList<>();
        List<MarkdownRows.Row> otherRows = new ArrayList<>();
        for (PlannedStep step : parts.plan().steps()) {
            if (StepImpacts.privileged(step)) {
                step(step, privilegedRows);
            }
        }
        for (PlannedStep step : parts.plan().steps()) {
            if (!StepImpacts.privileged(step)) {
                step(step, otherRows);
            }
        }
        Map<Kind, List<String>> objectBlocks = new EnumMap<>(Kind.class);
        for (Map.Entry<Kind, List<Change>> kind : parts.changesByKind().entrySet()) {
            List<String> blocks = objects(kind.getValue());
            if (!blocks.isEmpty()) {
                objectBlocks.put(kind.getKey(), blocks);
            }
        }
        String keptBlock = "";
        if (!parts.kept().isEmpty()) {
            String block = MarkdownRows.kept(parts.kept(), parts.made());
            if (take(block.length())) {
                keptBlock = block;
            }
        }
        List<String> warningRows = rows(parts.warnings(), PlanMarkdownView.WARNINGS_SHOWN);
        String diagram = "";
        int diagramSteps = 0;
        List<PlannedStep> steps = parts.plan().steps();
        if (!steps.isEmpty() && !closed) {
            for (int n : new int[] {PlanMarkdownView.DIAGRAM_STEPS, PlanMarkdownView.DIAGRAM_STEPS_SMALL}) {
                int count = Math.min(n, steps.size());
                String picture = MarkdownDiagram.of(steps.subList(0, count));
                if (takeIfFits(picture.length() + TABLE_FRAME)) {
                    diagram = picture;
                    diagramSteps = count;
                    break;
                }
            }
        }
        return new Admitted(
                Collections.unmodifiableList(errorRows),
                Collections.unmodifiableList(warningRows),
                Collections.unmodifiableList(privilegedRows),
                Collections.unmodifiableList(otherRows),
                Collections.unmodifiableMap(objectBlocks),
                keptBlock,
                diagram,
                diagramSteps);
    }

    private List<String> rows(List<Diagnostic> diagnostics, int most) {
        List<String> rows = new ArrayList<>();
        for (Diagnostic d : diagnostics.subList(0, Math.min(most, diagnostics.size()))) {
            String row = MarkdownRows.diagnostic(d);
            if (!take(row.length() + (rows.isEmpty() ? TABLE_FRAME : 0))) {
                break;
            }
            rows.add(row);
        }
        return rows;
    }

    private void step(PlannedStep step, List<MarkdownRows.Row> into) {
        if (closed) {
            return;
        }
        MarkdownRows.Row row = MarkdownRows.Row.of(step);
        if (take(row.text().length() + (into.isEmpty() ? TABLE_FRAME : 0))) {
            into.add(row);
        }
    }

    private List<String> objects(List<Change> changes) {
        List<String> blocks = new ArrayList<>();
        for (Change change : changes) {
            if (closed) {
                break;
            }
            String block = MarkdownRows.object(change);
            if (!take(block.length() + (blocks.isEmpty() ? DETAILS_FRAME : 0))) {
                break;
            }
            blocks.add(block);
        }
        return blocks;
    }

    /** Spends {@code chars} if they fit; the first miss closes the budget. */
    private boolean take(int chars) {
        if (!takeIfFits(chars)) {
            closed = true;
            return false;
        }
        return true;
    }

    /** For one of several alternatives: a miss leaves the budget open for the next. */
    private boolean takeIfFits(int chars) {
        if (closed || chars > left) {
            return false;
        }
        left -= chars;
        return true;
    }
}
