package io.tenantctl.cli;

import io.tenantctl.render.StateViews;
import io.tenantctl.render.Style;
import io.tenantctl.state.ActionRecord;
import io.tenantctl.state.RevisionRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenantctl history}: the applied revisions, newest first. */
@Command(
        name = "history",
        sortOptions = false,
        description = "Show the applied revisions, newest first: number, time, who ran the apply, the actors of"
                + " its steps, counts and plan digest (-o json adds every step with its actor and effects)."
                + " 'history show REV' shows what one revision changed.",
        footer = {
            "",
            "Exit codes: 0 shown, 1 error (no state at the URL), 64 usage error.",
            "",
            "Examples:",
            "  tenantctl history",
            "  tenantctl history --limit 5 -o json",
            "  tenantctl history show 3",
        },
        subcommands = {HistoryShowCommand.class})
final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--limit", paramLabel = "N", description = "Show only the newest N revisions (N >= 1).")
    Integer limit;

    @Mixin
    StateOptions state;

    @Mixin
    OutputOptions output;

    private final Context context;

    HistoryCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        if (limit != null && limit < 1) {
            throw Usage.error(spec, "--limit must be 1 or more (leave it out for every revision)");
        }
        Style style = output.style(context.environment());
        return context.withExistingStore(spec, style, state, store -> {
            List<RevisionRecord> records = store.history(limit == null ? 0 : limit);
            List<ActionRecord> actions = store.actions();
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                out.print(StateViews.historyJson(records, actions));
            } else {
                if (records.isEmpty()) {
                    out.println("No revisions yet at " + store.location() + ".");
                } else {
                    out.print(StateViews.historyTable(records));
                }
                if (!actions.isEmpty()) {
                    out.println();
                    out.println("External actions:");
                    out.print(StateViews.actionsTable(actions));
                }
            }
            out.flush();
            return ExitCodes.OK;
        });
    }
}
