package io.tenantctl.cli;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.engine.Engine;
import io.tenantctl.profile.Profile;
import io.tenantctl.profile.classic.ClassicProfile;
import io.tenantctl.render.DiagnosticsView;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

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
            engine = new Engine(profile(), environment.stdin());
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
}
