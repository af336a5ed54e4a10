package io.tenantctl.cli;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.engine.Engine;
import io.tenantctl.profile.Profile;
import io.tenantctl.profile.Profiles;
import io.tenantctl.provider.Provider;
import io.tenantctl.provider.RecordProvider;
import io.tenantctl.render.DiagnosticsView;
import io.tenantctl.render.Style;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.StateException;
import io.tenantctl.state.StateLockedException;
import io.tenantctl.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command shares within one run: the environment and the engine, built lazily because
 * loading the schemas costs time that {@code --help} should not pay.
 */
final class Context {

    /** How long a command that only reads waits for a store's first-use upgrade, which holds a lock. */
    static final Duration READ_LOCK_TIMEOUT = Duration.ofSeconds(60);

    private final Environment environment;
    private Engine engine;
    /** The profile {@code --profile} asked for; null when none was. */
    private Profile chosen;

    Context(Environment environment) {
        this.environment = environment;
    }

    Environment environment() {
        return environment;
    }

    Engine engine() {
        if (engine == null) {
            engine = new Engine(
                    profile(),
                    chosen != null,
                    new RecordProvider(),
                    environment.stdin(),
                    environment.clock(),
                    environment.ids());
        }
        return engine;
    }

    /**
     * The engine of a command that chose its provider ({@code --provider}). A live provider speaks
     * one era's APIs: without {@code --profile}, a state it creates and manifests it reads are of
     * that era's profile, so that {@code --provider azure} alone means today's world.
     */
    Engine engine(Provider provider) {
        Profile profile = chosen != null
                ? chosen
                : Profiles.all().stream()
                        .filter(p -> provider.worksUnder(p.name()))
                        .findFirst()
                        .orElse(profile());
        return provider instanceof RecordProvider
                ? engine()
                : new Engine(
                        profile, chosen != null, provider, environment.stdin(), environment.clock(), environment.ids());
    }

    /**
     * The profile asked for, or the default: the one a new state gets, and {@code validate}'s and
     * {@code generate}'s. A command on an existing state uses the state's ({@code Engine.profileOf}).
     */
    Profile profile() {
        return chosen != null ? chosen : Profiles.standard();
    }

    /** {@code --profile}, given while the command line is parsed, before any engine is made. */
    void chooseProfile(Profile profile) {
        this.chosen = profile;
    }

    /**
     * When {@code applyset} was never applied to the state, the error that says so, naming the
     * applysets it knows (exit 1); otherwise empty.
     */
    Optional<Integer> refuseUnknownApplyset(CommandSpec spec, Style style, StateStore store, String applyset) {
        List<String> known = store.applysets();
        if (known.contains(applyset)) {
            return Optional.empty();
        }
        return Optional.of(fail(
                spec,
                style,
                ExitCodes.ERROR,
                Codes.NOT_FOUND,
                "applyset " + applyset + " was never applied to the state at " + store.location()
                        + (known.isEmpty()
                                ? "; nothing was ever applied to it"
                                : "; the applysets it knows: " + String.join(", ", known)
                                        + Suggestions.didYouMean(applyset, known))));
    }

    /** Prints diagnostics to standard error, where they always go. */
    void diagnostics(CommandSpec spec, Style style, List<Diagnostic> diagnostics) {
        PrintWriter err = spec.commandLine().getErr();
        err.print(DiagnosticsView.text(diagnostics, style));
        err.flush();
    }

    /** Prints one error on standard error and gives the exit code, for the command to return. */
    int fail(CommandSpec spec, Style style, int exitCode, String code, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(DiagnosticsView.line(Diagnostic.error(code, message), style));
        err.flush();
        return exitCode;
    }

    /** Work that uses state stores or files. */
    @FunctionalInterface
    interface Work {
        int run() throws IOException;
    }

    /** The work of a command that uses the state store. */
    @FunctionalInterface
    interface StoreWork {
        int run(StateStore store) throws IOException;
    }

    /** How a command may open the state store. */
    enum Access {
        /** Open it, or else create it when the work first writes: {@code apply}, which writes if anything changes. */
        CREATE,
        /** It must exist; a missing one is an error naming the URL, and nothing is created. */
        EXISTING,
        /** {@code plan}: the state if it exists, otherwise an empty one to plan a first apply against. */
        EXISTING_OR_ABSENT
    }

    /**
     * Runs the work. A store or file that cannot be used is one line on standard error and exit 1;
     * a lock held too long by someone else is exit 3.
     */
    int guarded(CommandSpec spec, Style style, Work work) {
        try {
            return work.run();
        } catch (StateLockedException e) {
            return fail(spec, style, ExitCodes.CONFLICT, e.code(), e.getMessage());
        } catch (StateException e) {
            // stale as a saved plan is: the state moved while this run planned (a first apply raced)
            int exit = e.code().equals(Codes.STALE_PLAN) ? ExitCodes.CONFLICT : ExitCodes.ERROR;
            return fail(spec, style, exit, e.code(), e.getMessage());
        } catch (IOException e) {
            return fail(spec, style, ExitCodes.ERROR, Codes.IO, IoErrors.describe(e));
        } catch (UncheckedIOException e) {
            return fail(spec, style, ExitCodes.ERROR, Codes.IO, IoErrors.describe(e.getCause()));
        }
    }

    /** Opens the store as {@code access} allows and runs the work, {@link #guarded} like any work on the state. */
    int withStore(CommandSpec spec, Style style, String url, Duration lockTimeout, Access access, StoreWork work) {
        return guarded(spec, style, () -> {
            try (StateStore store = open(url, lockTimeout, access)) {
                return work.run(store);
            }
        });
    }

    /** {@link #withStore} of a store that must exist, for a command that only reads it. */
    int withExistingStore(CommandSpec spec, Style style, StateOptions state, StoreWork work) {
        return withStore(spec, style, state.url(environment), READ_LOCK_TIMEOUT, Access.EXISTING, work);
    }

    private StateStore open(String url, Duration lockTimeout, Access access) {
        return switch (access) {
            case CREATE -> engine().openStoreForApply(url, lockTimeout);
            case EXISTING -> engine().openExistingStore(url, lockTimeout);
            case EXISTING_OR_ABSENT -> engine().openStoreForPlan(url, lockTimeout);
        };
    }

    /** Who this process is, for the lock holder's note. */
    LockHolder holder(List<String> as) {
        String identity = as.isEmpty() ? System.getProperty("user.name", "unknown") : String.join(",", as);
        return LockHolder.thisProcess(identity, environment.clock().instant());
    }
}
