package io.tenantctl.cli;

import io.tenantctl.diag.Codes;
import io.tenantctl.engine.RevisionChanges;
import io.tenantctl.render.StateViews;
import io.tenantctl.render.Style;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenantctl history show REV}: what one apply changed, against the revision before it. */
@Command(
        name = "show",
        sortOptions = false,
        description = "Show what one applied revision changed: who ran it, when and from where, each object it"
                + " created, updated (field by field) or deleted against the revision before it, and its steps"
                + " with their actors. The revisions before it are rebuilt from the history's steps.",
        footer = {
            "",
            "Exit codes: 0 shown, 1 error (no state at the URL, or no such revision), 64 usage error.",
            "",
            "Examples:",
            "  tenantctl history show 2",
            "  tenantctl history show 2 -o json",
        })
final class HistoryShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "REV", description = "The revision, as 'tenantctl history' lists it.")
    long revision;

    @Mixin
    StateOptions state;

    @Mixin
    OutputOptions output;

    private final Context context;

    HistoryShowCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        if (revision < 1) {
            throw Usage.error(spec, "REV must be 1 or more: revision 0 is the empty state before the first apply");
        }
        Style style = output.style(context.environment());
        return context.withExistingStore(spec, style, state, store -> {
            Optional<RevisionChanges> changes = context.engine().revisionChanges(store, revision);
            if (changes.isEmpty()) {
                return context.fail(
                        spec,
                        style,
                        ExitCodes.ERROR,
                        Codes.NOT_FOUND,
                        "the state at " + store.location() + " has no revision " + revision + " (it is at revision "
                                + store.read().revision() + ")");
            }
            RevisionChanges c = changes.get();
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                out.print(StateViews.revisionJson(c.revision(), c.changes()));
            } else {
                StateViews.revisionText(c.revision(), c.steps(), c.changes(), style, out);
            }
            out.flush();
            return ExitCodes.OK;
        });
    }
}
