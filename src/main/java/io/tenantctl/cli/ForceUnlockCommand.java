package io.tenantctl.cli;

import io.tenantctl.diag.Codes;
import io.tenantctl.render.Style;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.Unlock;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenantctl force-unlock}: frees the state's write lock from a holder that will not let go
 * (an apply left waiting at its question, a hung process), as terraform force-unlock does.
 */
@Command(
        name = "force-unlock",
        sortOptions = false,
        description = {
            "Release the state's write lock held by another apply: name the holder, ask for confirmation, and"
                    + " stop the holder's transaction, which then commits nothing. On SQLite the holder must be a"
                    + " tenantctl on this machine (it is sent SIGTERM); on PostgreSQL its session is ended"
                    + " (pg_terminate_backend, which needs a superuser or pg_signal_backend).",
            "Only for a holder that is stuck: a running apply that is stopped leaves the state as it was, and"
                    + " has to be run again."
        },
        footer = {
            "",
            "Exit codes: 0 released (or not locked), 1 declined, cannot be released, or no state at the URL,"
                    + " 64 usage error.",
            "",
            "Examples:",
            "  tenantctl force-unlock",
            "  tenantctl force-unlock --state postgresql://tenantctl@db:5432/tenantctl --yes",
        })
final class ForceUnlockCommand implements Callable<Integer> {

    static final Duration STOP_WAIT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    @Mixin
    StateOptions state;

    @Mixin
    ColorOption color;

    private final Context context;

    ForceUnlockCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment env = context.environment();
        Style style = color.style(env);
        if (!yes && !env.interactive()) {
            return context.fail(
                    spec,
                    style,
                    ExitCodes.ERROR,
                    Codes.USAGE,
                    "force-unlock asks for confirmation, and there is no terminal to ask on; pass --yes");
        }
        return context.withExistingStore(spec, style, state, store -> {
            PrintWriter out = spec.commandLine().getOut();
            Optional<LockHolder> holder = store.lockHolder();
            if (holder.isEmpty()) {
                out.println("The state at " + store.location() + " is not locked; nothing to do.");
                out.flush();
                return ExitCodes.OK;
            }
            out.println("The state at " + store.location() + " is locked by "
                    + holder.get().describe() + ".");
            out.println("Releasing it stops that holder's transaction: its apply is rolled back and changes"
                    + " nothing. Do it only if that holder is stuck.");
            if (!yes) {
                Optional<String> answer = env.terminal().ask("Release the lock? Only 'yes' will be accepted: ", out);
                if (!answer.map(a -> a.trim().equals("yes")).orElse(false)) {
                    out.println("Not released; nothing was changed.");
                    out.flush();
                    return ExitCodes.ERROR;
                }
            }
            Unlock unlock = store.forceUnlock(holder.get(), STOP_WAIT);
            return switch (unlock.result()) {
                case RELEASED, WAS_FREE -> {
                    out.println(capitalized(unlock.message()) + ".");
                    out.flush();
                    yield ExitCodes.OK;
                }
                case REFUSED -> context.fail(spec, style, ExitCodes.ERROR, Codes.STATE_LOCKED, unlock.message());
            };
        });
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
