package io.tenantctl.cli;

import io.tenantctl.diag.Codes;
import io.tenantctl.render.Style;
import io.tenantctl.state.StateDump;
import io.tenantctl.state.StateStore;
import io.tenantctl.state.jdbc.StateUrl;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenantctl state copy}: moves a whole state (objects, lineage, revision, history) from one
 * store to another, and verifies the copy by comparing counts and content digests.
 */
@Command(
        name = "copy",
        sortOptions = false,
        description = "Copy a whole state (objects, lineage, revision and history) from one store to another,"
                + " for example from the embedded file to a shared PostgreSQL server, and verify the copy."
                + " The source must exist; it is only read.",
        footer = {
            "",
            "Exit codes: 0 copied and verified, 1 error (no state at --from, a target that holds a state, a copy"
                    + " that does not verify; the target is then unchanged), 3 a store is locked, 64 usage error.",
            "",
            "Examples:",
            "  tenantctl state copy --from sqlite:.tenantctl/state.db --to postgresql://tenantctl:secret@db:5432/tenantctl",
            "  tenantctl state copy --from postgresql://tenantctl@db/tenantctl --to sqlite:backup.db --force",
        })
final class StateCopyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--from", paramLabel = "URL", required = true, description = "The store to copy (it must exist).")
    String from;

    @Option(
            names = "--to",
            paramLabel = "URL",
            required = true,
            description = "The store to write (created if needed).")
    String to;

    @Option(names = "--force", description = "Overwrite a target that already holds a state.")
    boolean force;

    @Option(
            names = "--lock-timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "How long to wait for the target's lock (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    ColorOption color;

    private final Context context;

    StateCopyCommand(Context context) {
        this.context = context;
    }

    private static boolean same(StateUrl a, StateUrl b) {
        if (a.kind() == StateUrl.Kind.SQLITE && b.kind() == StateUrl.Kind.SQLITE) {
            return a.sqlitePath()
                    .toAbsolutePath()
                    .normalize()
                    .equals(b.sqlitePath().toAbsolutePath().normalize());
        }
        return a.display().equals(b.display());
    }

    @Override
    public Integer call() {
        Style style = color.style(context.environment());
        return context.guarded(spec, style, () -> {
            if (same(StateUrl.parse(from), StateUrl.parse(to))) {
                throw Usage.error(
                        spec,
                        "--from and --to name the same store, "
                                + StateUrl.parse(to).display());
            }
            try (StateStore source = context.engine().openExistingStore(from, timeout);
                    StateStore target = context.engine().openStore(to, timeout)) {
                StateDump dump = source.dump();
                target.restore(dump, force, timeout, context.holder(List.of()));
                StateDump copied = target.dump();
                String want = dump.digest();
                String got = copied.digest();
                if (!want.equals(got)
                        || copied.history().size() != dump.history().size()
                        || copied.snapshot().world().size()
                                != dump.snapshot().world().size()) {
                    return context.fail(
                            spec,
                            style,
                            ExitCodes.ERROR,
                            Codes.STATE,
                            "the copy at " + target.location() + " does not match the source (digest " + got
                                    + ", expected " + want + ")");
                }
                PrintWriter out = spec.commandLine().getOut();
                out.printf(
                        "Copied %d objects, revision %d and %d revisions of history (%d steps) from %s to %s."
                                + " Verified: content digest %s.%n",
                        dump.snapshot().world().size(),
                        dump.snapshot().revision(),
                        dump.history().size(),
                        dump.steps(),
                        source.location(),
                        target.location(),
                        want);
                out.flush();
                return ExitCodes.OK;
            }
        });
    }
}
