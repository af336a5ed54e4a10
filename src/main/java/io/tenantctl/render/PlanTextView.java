package io.tenantctl.render;

import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.FieldChange;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.Provenance;
import io.tenantctl.plan.Summary;
import io.tenantctl.step.PlannedStep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.JsonNode;

/**
 * The plan for people, in the manner of Terraform: what changes per object, then the numbered
 * steps with who must sign in for each and what else they do, then one summary line.
 */
public final class PlanTextView {

    /** Kept objects are listed one by one up to this many, then counted. */
    static final int KEPT_SHOWN = 20;

    private PlanTextView() {}

    public static String render(Plan plan, Style style) {
        StringWriter text = new StringWriter();
        write(plan, style, new PrintWriter(text));
        return text.toString();
    }

    /** Writes the plan as it goes, so that a plan of a million lines is never one string. */
    public static void write(Plan plan, Style style, PrintWriter out) {
        drift(plan, style, out);
        // A large plan's steps are written out on another core while its changes are: a first
        // apply of a large tree has hundreds of thousands of each, and printing them was a tenth
        // of planning.
        Optional<CompletableFuture<StringBuilder>> ahead =
                plan.failed() || plan.steps().size() < STEPS_AHEAD
                        ? Optional.empty()
                        : Optional.of(CompletableFuture.supplyAsync(() -> {
                            StringBuilder text = new StringBuilder();
                            PrintWriter into = new PrintWriter(new BuilderWriter(text));
                            steps(plan.steps(), style, into);
                            into.flush();
                            return text;
                        }));
        changes(plan.changes(), plan.summary().kept(), style, out);
        if (ahead.isPresent()) {
            StringBuilder text;
            try {
                text = ahead.get().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            char[] chunk = new char[64 * 1024];
            for (int at = 0; at < text.length(); at += chunk.length) {
                int end = Math.min(text.length(), at + chunk.length);
                text.getChars(at, end, chunk, 0);
                out.write(chunk, 0, end - at);
            }
        } else if (!plan.failed()) {
            steps(plan.steps(), style, out);
        }
        out.append(summaryLine(plan, style)).append('\n');
        if (!plan.summary().silenced().isEmpty()) {
            out.append(DiagnosticsView.silenced(plan.summary().silenced())).append(".\n");
        }
        out.flush();
    }

    /** Objects others changed since this applyset applied them: the plan puts them back. */
    static void drift(Plan plan, Style style, PrintWriter out) {
        if (plan.drift().isEmpty()) {
            return;
        }
        out.append(style.yellow("Drift:"))
                .append(" changed by others since applyset ")
                .append(plan.applyset())
                .append(" applied them (the plan below puts them back)\n");
        for (var d : plan.drift()) {
            out.append("  ! ").append(d.describe()).append('\n');
        }
        out.append('\n');
    }

    /**
     * The line a plan starts with: which state it was made against and at which revision, or that
     * the state does not exist yet. A plan file of an earlier tenantctl does not say which store it
     * was made against, only the store's lineage.
     */
    public static String header(Plan plan, Optional<Provenance> made, Style style) {
        String of = "Plan of applyset " + plan.applyset() + " against ";
        if (made.isEmpty()) {
            return style.dim(of + "the state of lineage " + plan.base().lineage() + " at revision "
                    + plan.base().revision() + ".");
        }
        if (!made.get().stateExists()) {
            return style.dim(of + made.get().state() + ", which does not exist yet: planned from an empty state"
                    + " (revision 0). Planning creates nothing; the first apply that writes creates it.");
        }
        return style.dim(of + "the state at " + made.get().state() + ", revision "
                + plan.base().revision() + ".");
    }

    /**
     * Whether the plan deletes what the manifests no longer declare: said under the header, since
     * a reviewer cannot tell from the changes alone whether "kept" meant "not pruned this time".
     */
    public static String pruning(Provenance made, Style style) {
        return style.dim(
                made.prune()
                        ? "--prune is on: objects this applyset owns that the manifests no longer declare are deleted,"
                                + " except protected ones."
                        : "--prune is off: objects the manifests no longer declare are kept.");
    }

    /** How a saved plan was made ({@code show}): by which tenantctl, when, with which options. */
    public static String origin(Provenance made, Style style) {
        return style.dim("Made by tenantctl " + made.tool() + " at " + made.at() + ", with --prune "
                + (made.prune()
                        ? "on (--max-prune " + Math.round(made.maxPrune() * 100) + "%"
                                + (made.allowMassPrune() ? ", --allow-mass-prune" : "") + ")"
                        : "off")
                + (made.forceAdopt() ? " and --force-adopt" : "") + ".");
    }

    /**
     * The changes; kept objects are this applyset's (and those nobody owns): what a prune could
     * take. Those of other applysets are not in the list, only counted in {@code kept}, and get one
     * line.
     */
    static void changes(List<Change> changes, int keptInAll, Style style, PrintWriter out) {
        int kept = 0;
        boolean any = false;
        for (Change change : changes) {
            switch (change.action()) {
                case CREATE -> {
                    out.append(style.green("+ " + change.ref())).append(" will be created\n");
                    fields(change, style, out);
                    any = true;
                }
                case UPDATE -> {
                    out.append(style.yellow("~ " + change.ref())).append(" will be updated in place\n");
                    fields(change, style, out);
                    any = true;
                }
                case DELETE -> {
                    out.append(style.red("- " + change.ref())).append(" will be deleted\n");
                    any = true;
                }
                case KEEP -> {
                    if (kept++ < KEPT_SHOWN) {
                        out.append(style.dim("  " + change.ref() + " is not in the manifests and is kept"))
                                .append('\n');
                    }
                }
                case UNCHANGED -> {
                    // counted in the summary
                }
            }
        }
        if (kept > KEPT_SHOWN) {
            out.append(style.dim("  ... and " + (kept - KEPT_SHOWN) + " more objects not in the manifests, kept"))
                    .append('\n');
        }
        if (kept > 0) {
            // One note for all: which kept objects a prune would take depends on ownership and
            // protection, so "would be deleted" on each line would be wrong for some of them.
            out.append(style.dim("  (--prune deletes only objects that the plan's applyset owns and that are not"
                            + " protected)"))
                    .append('\n');
        }
        int others = keptInAll - kept;
        if (others > 0) {
            out.append(style.dim("  " + DiagnosticsView.plural(others, "object") + " of other applysets "
                            + (others == 1 ? "is" : "are") + " not in these manifests and left as "
                            + (others == 1 ? "it is" : "they are")))
                    .append('\n');
        }
        if (any || kept > 0 || others > 0) {
            out.append('\n');
        }
    }

    static void fields(Change change, Style style, PrintWriter out) {
        for (FieldChange f : change.fields()) {
            String path = f.path().substring(1).replace('/', '.');
            if (change.action() == ChangeAction.CREATE) {
                out.append("    ")
                        .append(style.green("+"))
                        .append(' ')
                        .append(path)
                        .append(": ")
                        .append(value(f.after()))
                        .append('\n');
            } else if (f.before().isNull()) {
                out.append("    ")
                        .append(style.green("+"))
                        .append(' ')
                        .append(path)
                        .append(": ")
                        .append(value(f.after()))
                        .append('\n');
            } else if (f.after().isNull()) {
                out.append("    ")
                        .append(style.red("-"))
                        .append(' ')
                        .append(path)
                        .append(": ")
                        .append(value(f.before()))
                        .append('\n');
            } else if (f.hasElements()) {
                out.append("    ")
                        .append(style.yellow("~"))
                        .append(' ')
                        .append(path)
                        .append(":\n");
                f.added()
                        .forEach(e -> out.append("        ")
                                .append(style.green("+ " + element(e)))
                                .append('\n'));
                f.removed()
                        .forEach(e -> out.append("        ")
                                .append(style.red("- " + element(e)))
                                .append('\n'));
            } else {
                out.append("    ")
                        .append(style.yellow("~"))
                        .append(' ')
                        .append(path)
                        .append(": ")
                        .append(value(f.before()))
                        .append(" -> ")
                        .append(value(f.after()))
                        .append('\n');
            }
        }
    }

    static String value(JsonNode node) {
        return InlineValue.render(node, string -> "\"" + string.stringValue() + "\"");
    }

    /** An element of a list that gained or lost it: a sign-in name or domain as written. */
    static String element(JsonNode node) {
        return node.isString() ? node.stringValue() : value(node);
    }

    static void steps(List<PlannedStep> steps, Style style, PrintWriter out) {
        if (steps.isEmpty()) {
            return;
        }
        out.append(style.bold("Steps, in order:")).append('\n');
        int width = String.valueOf(steps.size()).length();
        // One indent and a hand-padded number: String.format builds its number formatting anew on
        // every call, a fifth of printing a plan of a few hundred thousand steps.
        String indent = " ".repeat(width + 4);
        for (PlannedStep step : steps) {
            String number = String.valueOf(step.index());
            out.append("  ")
                    .append(indent, 0, width - number.length())
                    .append(number)
                    .append(". ")
                    .append(style.bold(step.step().describe()))
                    .append(step.temporary() ? style.yellow(" (temporary)") : "")
                    .append('\n');
            out.append(indent).append("actor: ").append(actor(step)).append('\n');
            step.step()
                    .external()
                    .ifPresent(a -> out.append(indent)
                            .append("external action ")
                            .append(a.id())
                            .append(": ")
                            .append(a.who())
                            .append(" must ")
                            .append(a.what())
                            .append('\n'));
            for (String effect : step.effectWords()) {
                out.append(indent).append("effect: ").append(effect).append('\n');
            }
        }
        out.append('\n');
    }

    /** Who must sign in, and why they may. */
    public static String actor(PlannedStep step) {
        return step.actor().isPresent()
                ? step.actor().get() + " (" + step.authority() + ")"
                : "none needed (" + step.authority() + ")";
    }

    static String summaryLine(Plan plan, Style style) {
        Summary s = plan.summary();
        if (plan.failed()) {
            return style.red("Plan failed:") + " "
                    + DiagnosticsView.plural(
                            plan.diagnostics().stream().filter(d -> d.isError()).count(), "error")
                    + "; see the diagnostics above. Nothing will change.";
        }
        if (!plan.hasChanges()) {
            return style.green("No changes.") + " The state matches the manifests (" + s.unchanged() + " unchanged"
                    + (s.kept() > 0 ? ", " + s.kept() + " kept" : "") + ").";
        }
        return style.bold("Plan:") + " " + s.create() + " to create, " + s.update() + " to update, " + s.delete()
                + " to delete, " + s.unchanged() + " unchanged" + (s.kept() > 0 ? ", " + s.kept() + " kept" : "")
                + (s.adopt() > 0 ? ", " + s.adopt() + " to adopt into applyset " + plan.applyset() : "")
                + "; " + DiagnosticsView.plural(plan.steps().size(), "step")
                + (s.temporaryGrants() > 0
                        ? ", with " + DiagnosticsView.plural(s.temporaryGrants(), "temporary grant")
                                + " taken back before the end"
                        : "")
                + ".";
    }

    /** From how many steps a plan's steps are written out ahead, on another core. */
    private static final int STEPS_AHEAD = 10_000;

    /** A writer into a string builder, without the lock that {@link StringWriter} takes on each write. */
    private static final class BuilderWriter extends Writer {
        private final StringBuilder text;

        BuilderWriter(StringBuilder text) {
            this.text = text;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
