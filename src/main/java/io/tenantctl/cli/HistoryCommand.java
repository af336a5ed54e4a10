package io.tenantctl.cli;

import io.tenantctl.render.StateViews;
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
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Show the applied revisions, newest first: number, time, actors, counts and plan digest"
                + " (-o json adds every step with its actor and effects).",
        footer = {
            "",
            "Examples:",
            "  tenantctl history",
            "  tenantctl history --limit 5 -o json",
        })
final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", description = "Show only the newest N revisions.")
    int limit;

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
        return context.withStore(spec, output, state, store -> {
            List<RevisionRecord> records = store.history(Math.max(0, limit));
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                out.print(StateViews.historyJson(records));
            } else if (records.isEmpty()) {
                out.println("No revisions yet at " + store.location() + ".");
            } else {
                out.print(StateViews.historyTable(records));
            }
            out.flush();
            return ExitCodes.OK;
        });
    }
}
