package io.tenantctl.cli;

import io.tenantctl.agent.status.SourceReport;
import io.tenantctl.agent.status.SourceStatus;
import io.tenantctl.agent.status.StatusViews;
import io.tenantctl.agent.store.AgentStore;
import io.tenantctl.diag.Codes;
import io.tenantctl.render.Style;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenantctl status}: what the agents report of their sources, read from the state. */
@Command(
        name = "status",
        sortOptions = false,
        description = "Show what the agents report of each source: conditions (Ready, Reconciling, Stalled),"
                + " observed commit and state revision, last apply, next cycle, the plan waiting for approval and"
                + " the newest cycles (-o json: all of it, as docs/agent.md describes).",
        footer = {
            "",
            "Examples:",
            "  tenantctl status",
            "  tenantctl status seed -o json",
        })
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE", description = "Only this source.")
    String source;

    @Option(
            names = "--history",
            paramLabel = "N",
            defaultValue = "10",
            description = "Cycles shown per source (N >= 1, default ${DEFAULT-VALUE}).")
    int history;

    @Mixin
    StateOptions state;

    @Mixin
    OutputOptions output;

    private final Context context;

    StatusCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        if (history < 1) {
            throw Usage.error(spec, "--history must be 1 or more");
        }
        String url = state.url(context.environment());
        Style style = output.style(context.environment());
        return context.withExistingStore(spec, style, state, store -> {
            AgentStore agents = AgentStore.of(url);
            List<SourceReport> reports = new ArrayList<>();
            for (SourceStatus s : agents.statuses()) {
                if (source == null || source.equals(s.name())) {
                    reports.add(new SourceReport(s, agents.held(s.name()), agents.history(s.name(), history)));
                }
            }
            if (source != null && reports.isEmpty()) {
                return context.fail(
                        spec,
                        style,
                        ExitCodes.ERROR,
                        Codes.NOT_FOUND,
                        "no agent has reported on a source named " + source + " in " + store.location());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                out.print(StatusViews.json(reports));
            } else if (reports.isEmpty()) {
                out.println("No agent has reported on " + store.location() + " yet.");
            } else {
                out.print(StatusViews.text(reports));
            }
            out.flush();
            return ExitCodes.OK;
        });
    }
}
