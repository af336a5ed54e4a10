package io.tenantctl.cli;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.engine.Engine;
import io.tenantctl.profile.Profile;
import io.tenantctl.profile.classic.ClassicProfile;
import io.tenantctl.render.DiagnosticsView;
import io.tenantctl.render.Style;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.StateException;
import io.tenantctl.state.StateLockedException;
import io.tenantctl.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What every command shares within one run: the environment and the engine, built lazily because
 * loading the schemas costs time that {@code --help} should not pay.
 */
final class Context {

    private final Environment environment;
    private Engine engine;

    Context(Environment environment) {
        this.environment = environment;
    }

    Environment environment() {
        return environment;
    }

    Engine engine() {
        if (engine == null) {
            engine = new Engine(profile(), environment.stdin(), environment.clock(), environment.ids());
        }
        return engine;
    }

    Profile profile() {
        return new ClassicProfile();
    }

    /** Prints diagnostics to standard error, where they always go. */
    void diagnostics(CommandSpec spec, OutputOptions output, List<Diagnostic> diagnostics) {
        PrintWriter err = spec.commandLine().getErr();
        err.print(DiagnosticsView.text(diagnostics, output.style(environment)));
        err.flush();
    }

    /** The work of a command that uses the state store. */
    @FunctionalInterface
    interface StoreWork {
        int run(StateStore store) throws IOException;
    }

    /**
     * Opens the store and runs the work. A store that cannot be used is one line on standard error
     * and exit 1; a lock held too long by someone else is exit 3.
     */
    int withStore(CommandSpec spec, OutputOptions output, StateOptions state, StoreWork work) {
        Style style = output.style(environment);
        PrintWriter err = spec.commandLine().getErr();
        try (StateStore store = engine().openStore(state.url(environment), lockTimeout(spec, state))) {
            return work.run(store);
        } catch (StateLockedException e) {
            err.println(DiagnosticsView.line(Diagnostic.error(e.code(), e.getMessage()), style));
            err.flush();
            return ExitCodes.CONFLICT;
        } catch (StateException e) {
            err.println(DiagnosticsView.line(Diagnostic.error(e.code(), e.getMessage()), style));
            err.flush();
            return ExitCodes.ERROR;
        } catch (IOException e) {
            err.println(DiagnosticsView.line(Diagnostic.error("io", IoErrors.describe(e)), style));
            err.flush();
            return ExitCodes.ERROR;
        } catch (UncheckedIOException e) {
            err.println(DiagnosticsView.line(Diagnostic.error("io", IoErrors.describe(e.getCause())), style));
            err.flush();
            return ExitCodes.ERROR;
        }
    }

    private static java.time.Duration lockTimeout(CommandSpec spec, StateOptions state) {
        try {
            return state.lockTimeout();
        } catch (StateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Who this process is, for the lock holder's note. */
    LockHolder holder(List<String> as) {
        String identity = as.isEmpty() ? System.getProperty("user.name", "unknown") : String.join(",", as);
        return LockHolder.thisProcess(identity, environment.clock().instant());
    }
}
