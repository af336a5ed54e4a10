package io.tenantctl.render;

import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.model.Kind;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.Provenance;
import io.tenantctl.plan.Summary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the comment in reading order from what the budget admitted: the head (summary table,
 * digest, base, options), the cautions and notes on what was left out, then the sections:
 * diagnostics, steps, changes per object, diagram.
 */
final class MarkdownLayout {

    private final MarkdownParts parts;
    private final MarkdownBudget.Admitted in;
    private final MarkdownOptions options;

    private MarkdownLayout(MarkdownParts parts, MarkdownBudget.Admitted in, MarkdownOptions options) {
        this.parts = parts;
        this.in = in;
        this.options = options;
    }

    /** The comment: the head, then what was admitted. */
    static String write(String head, MarkdownParts parts, MarkdownBudget.Admitted in, MarkdownOptions options) {
        return new MarkdownLayout(parts, in, options).write(head);
    }

    private String write(String head) {
        StringBuilder out = new StringBuilder(options.budget());
        out.append(head);
        StepImpacts.Counts counts = parts.counts();
        int privilegedMissing = counts.privileged() - in.privilegedRows().size();
        if (privilegedMissing > 0) {
            out.append('\n')
                    .append(caution("**" + Markdown.count(privilegedMissing) + " of "
                            + Markdown.count(counts.privileged()) + " steps that grant or revoke administrator"
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

    private String missingByImpact() {
        return parts.counts()
                .privilegedWords(StepImpacts.Counts.ofImpacts(in.privilegedRows().stream()
                        .map(MarkdownRows.Row::impact)
                        .toList()));
    }

    /** What the budget left out, most important first. */
    private List<String> leftOut(int privilegedMissing) {
        List<String> items = new ArrayList<>();
        StepImpacts.Counts counts = parts.counts();
        int errors = parts.errors().size();
        int warnings = parts.warnings().size();
        if (in.errorRows().size() < errors) {
            items.add(part(errors - in.errorRows().size(), errors) + " errors");
        }
        if (privilegedMissing > 0) {
            items.add(part(privilegedMissing, counts.privileged()) + " steps that grant or revoke"
                    + " administrator rights or delete an object (see the caution above)");
        }
        if (in.otherRows().size() < counts.others()) {
            items.add(part(counts.others() - in.otherRows().size(), counts.others())
                    + " other steps (they neither change administrator rights nor delete)");
        }
        int changed = parts.changed();
        int shown = in.objects();
        if (shown < changed) {
            items.add("the changes of " + part(changed - shown, changed) + " objects");
        }
        if (!parts.kept().isEmpty() && in.keptBlock().isEmpty()) {
            items.add("the list of " + Markdown.plural(parts.kept().size(), "kept object"));
        }
        if (in.warningRows().size() < Math.min(PlanMarkdownView.WARNINGS_SHOWN, warnings)) {
            items.add(part(warnings - in.warningRows().size(), warnings) + " warnings"
                    + (warnings > PlanMarkdownView.WARNINGS_SHOWN
                            ? " (at most " + PlanMarkdownView.WARNINGS_SHOWN + " are ever listed)"
                            : ""));
        }
        int steps = parts.plan().steps().size();
        if (steps > 0 && in.diagramSteps() < Math.min(PlanMarkdownView.DIAGRAM_STEPS, steps)) {
            items.add(
                    in.diagramSteps() == 0
                            ? "the diagram"
                            : "the diagram beyond its first " + Markdown.plural(in.diagramSteps(), "step"));
        }
        return items;
    }

    /** {@code 3 of 10}, or {@code all 10}. */
    private static String part(int missing, int total) {
        return missing == total
                ? "all " + Markdown.count(total)
                : Markdown.count(missing) + " of " + Markdown.count(total);
    }

    // ---------------------------------------------------------------- the head

    /** The summary, digest, base and options: always shown, so measured before the budget. */
    static String head(MarkdownParts parts) {
        Plan plan = parts.plan();
        Summary s = plan.summary();
        StepImpacts.Counts counts = parts.counts();
        StringBuilder out = new StringBuilder();
        if (plan.failed()) {
            out.append("### tenantctl plan failed: nothing will change\n\n");
            out.append(caution("The plan failed with "
                    + Markdown.plural(parts.errors().size(), "error")
                    + " (listed below)."
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
        count(out, "objects to create", s.create());
        count(out, "objects to update", s.update());
        count(out, "objects to delete", s.delete());
        count(out, "objects unchanged", s.unchanged());
        count(out, "objects kept (in the state, not in the manifests)", s.kept());
        if (s.adopt() > 0) {
            count(out, "objects adopted into applyset " + Markdown.text(plan.applyset()), s.adopt());
        }
        if (!plan.drift().isEmpty()) {
            count(
                    out,
                    "objects that drifted (changed by others; the plan puts them back)",
                    plan.drift().size());
        }
        out.append("| **steps** | **")
                .append(Markdown.count(plan.steps().size()))
                .append("** |\n");
        count(out, "steps that grant administrator rights", counts.grants());
        count(out, "steps that revoke administrator rights", counts.revokes());
        count(out, "steps that delete an object", counts.deletions());
        if (counts.tenancy() > 0) {
            count(out, "steps that move a subscription to another directory", counts.tenancy());
        }
        if (!s.silenced().isEmpty()) {
            // said in the head, which the budget never cuts: what no row below will ever show
            List<String> codes = new ArrayList<>();
            s.silenced().byCode().forEach((code, n) -> codes.add(Markdown.id(code) + (n == 1 ? "" : " ×" + n)));
            count(
                    out,
                    "warnings silenced (" + String.join(", ", codes) + ")",
                    s.silenced().total());
        }

        out.append("\n- **Digest:** ")
                .append(Markdown.id(parts.digest()))
                .append(" (as in the plan's JSON; a saved plan is applied only with this digest)\n");
        if (plan.base().lineage().isEmpty()) {
            // Made against a state that did not exist: there is no lineage to name.
            out.append("- **Base:** no state yet (revision 0: the plan applies only to a new, empty state)\n");
        } else {
            out.append("- **Base:** state lineage ")
                    .append(Markdown.id(plan.base().lineage()))
                    .append(", revision ")
                    .append(plan.base().revision())
                    .append(" (the plan applies only to this revision)\n");
        }
        out.append("- **Applyset:** ")
                .append(Markdown.text(plan.applyset()))
                .append(" (it owns what the manifests declare, and prunes only what it owns)\n");
        out.append("- **Prune:** ").append(prune(parts.made())).append('\n');
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

    private static void count(StringBuilder out, String what, int n) {
        out.append("| ").append(what).append(" | ").append(Markdown.count(n)).append(" |\n");
    }

    /** Whether {@code --prune} was on, as the plan's {@code made.prune} records it. */
    private static String prune(Optional<Provenance> made) {
        if (made.isEmpty()) {
            return "not recorded (a plan file of an earlier tenantctl)";
        }
        Provenance m = made.get();
        if (!m.prune()) {
            return "off (`--prune` not given: nothing is deleted for being absent from the manifests)";
        }
        return "on (`--prune`: deletes what the applyset owns and the manifests no longer declare, never a"
                + " protected object; at most " + Math.round(m.maxPrune() * 100) + "% of what it owns"
                + (m.allowMassPrune() ? ", or more with `--allow-mass-prune`, which was given" : "") + ")";
    }

    static String caution(String text) {
        return "> [!CAUTION]\n> " + text + "\n";
    }

    /** The caller's hint is Markdown it chose; it may not open HTML. */
    static String fullPlan(MarkdownOptions options) {
        return "Full plan: " + options.fullPlan().replace("<", "&lt;").replace(">", "&gt;") + ".";
    }

    // ---------------------------------------------------------------- diagnostics

    private void diagnostics(StringBuilder out) {
        List<String> errorRows = in.errorRows();
        List<String> warningRows = in.warningRows();
        int errors = parts.errors().size();
        int warnings = parts.warnings().size();
        if (errors == 0 && warnings == 0) {
            return;
        }
        out.append("\n#### Diagnostics\n\n");
        if (errorRows.isEmpty() && warningRows.isEmpty()) {
            out.append(Markdown.plural(errors, "error"))
                    .append(" and ")
                    .append(Markdown.plural(warnings, "warning"))
                    .append(": none fit in this comment.\n");
            return;
        }
        if (warnings <= PlanMarkdownView.WARNINGS_OPEN) {
            out.append(MarkdownRows.DIAGNOSTICS_TABLE);
            errorRows.forEach(out::append);
            warningRows.forEach(out::append);
        } else {
            if (!errorRows.isEmpty()) {
                out.append(MarkdownRows.DIAGNOSTICS_TABLE);
                errorRows.forEach(out::append);
                out.append('\n');
            }
            if (!warningRows.isEmpty()) {
                out.append("<details><summary>").append(Markdown.plural(warnings, "warning"));
                if (warningRows.size() < warnings) {
                    out.append(" (the first ")
                            .append(Markdown.count(warningRows.size()))
                            .append(" listed)");
                }
                out.append("</summary>\n\n").append(MarkdownRows.DIAGNOSTICS_TABLE);
                warningRows.forEach(out::append);
                out.append("\n</details>\n");
            }
        }
        int errorsLeft = errors - errorRows.size();
        int warningsLeft = warnings - warningRows.size();
        List<String> left = new ArrayList<>();
        if (errorsLeft > 0) {
            left.add(Markdown.plural(errorsLeft, "more error"));
        }
        if (warningsLeft > 0) {
            left.add(Markdown.plural(warningsLeft, "more warning")
                    + (warnings > PlanMarkdownView.WARNINGS_SHOWN
                            ? " (at most " + PlanMarkdownView.WARNINGS_SHOWN + " warnings are listed)"
                            : ""));
        }
        if (!left.isEmpty()) {
            out.append("\nNot listed here: ").append(String.join(" and ", left)).append(".\n");
        }
    }

    // ---------------------------------------------------------------- steps

    private void steps(StringBuilder out) {
        out.append("\n#### Steps, in order\n\n");
        Plan plan = parts.plan();
        if (plan.steps().isEmpty()) {
            out.append(
                    plan.failed()
                            ? "None: the plan failed, so nothing will be applied.\n"
                            : "None: there is nothing to do.\n");
            return;
        }
        List<MarkdownRows.Row> privilegedRows = in.privilegedRows();
        List<MarkdownRows.Row> otherRows = in.otherRows();
        int privilegedTotal = parts.counts().privileged();
        int others = parts.counts().others();
        if (privilegedRows.size() == privilegedTotal && otherRows.size() == others) {
            out.append(MarkdownRows.STEPS_TABLE);
            merge(privilegedRows, otherRows).forEach(row -> out.append(row.text()));
            return;
        }
        out.append("Not every step fits in this comment. The steps that grant or revoke administrator rights or"
                + " delete an object come first; the numbers are each step's place in the plan.\n\n");
        out.append("**Steps that grant or revoke administrator rights or delete an object** (")
                .append(shown(privilegedRows.size(), privilegedTotal))
                .append(")\n\n");
        if (!privilegedRows.isEmpty()) {
            out.append(MarkdownRows.STEPS_TABLE);
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
            out.append(MarkdownRows.STEPS_TABLE);
            otherRows.forEach(row -> out.append(row.text()));
        }
    }

    private static String shown(int shown, int total) {
        if (shown == total) {
            return "all " + Markdown.count(total);
        }
        return (shown == 0 ? "none" : Markdown.count(shown)) + " of " + Markdown.count(total) + " shown";
    }

    private static List<MarkdownRows.Row> merge(List<MarkdownRows.Row> a, List<MarkdownRows.Row> b) {
        List<MarkdownRows.Row> all = new ArrayList<>(a.size() + b.size());
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

    // ---------------------------------------------------------------- changes per object

    private void changes(StringBuilder out) {
        if (parts.changesByKind().isEmpty() && parts.kept().isEmpty()) {
            return;
        }
        out.append("\n#### Changes per object\n\n");
        if (parts.plan().failed()) {
            out.append("The plan failed, so none of these changes will be made; they are what the manifests ask"
                    + " for.\n\n");
        }
        if (in.objectBlocks().isEmpty() && in.keptBlock().isEmpty()) {
            out.append("Left out to keep this comment short (see above).\n");
            return;
        }
        for (Map.Entry<Kind, List<String>> kind : in.objectBlocks().entrySet()) {
            List<Change> all = parts.changesByKind().get(kind.getKey());
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
        out.append(in.keptBlock());
    }

    private static String counts(List<Change> changes) {
        Map<ChangeAction, Integer> n = new EnumMap<>(ChangeAction.class);
        changes.forEach(c -> n.merge(c.action(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        n.forEach((action, count) -> parts.add(Markdown.count(count) + " to " + action.wireName()));
        return String.join(", ", parts);
    }

    // ---------------------------------------------------------------- diagram

    private void diagram(StringBuilder out) {
        if (in.diagram().isEmpty()) {
            return;
        }
        int steps = parts.plan().steps().size();
        out.append("#### Diagram\n\n");
        if (in.diagramSteps() < steps) {
            out.append("The first ")
                    .append(Markdown.count(in.diagramSteps()))
                    .append(" of ")
                    .append(Markdown.plural(steps, "step"))
                    .append(" and what they act on.\n\n");
        } else {
            out.append("The steps in order and what they act on.\n\n");
        }
        out.append(in.diagram());
    }
}
