package io.tenantctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a command takes from the process besides its arguments. Tests pass their own, so that
 * nothing a command does depends on the machine it runs on.
 *
 * @param terminal       where a question is asked ({@link Terminal#controlling()} for the real process)
 * @param colorTerminal  standard output is a terminal that can show colour
 * @param stderrTerminal standard error is a terminal, so progress can be shown on it
 * @param ids            where new lineage ids come from (random UUIDs; fixed in tests)
 */
public record Environment(
        Supplier<InputStream> stdin,
        Map<String, String> variables,
        Clock clock,
        Terminal terminal,
        boolean colorTerminal,
        boolean stderrTerminal,
        Supplier<String> ids) {

    /**
     * An environment whose terminal, if {@code interactive}, is standard input and output: the
     * question is printed with the command's output and the answer read from {@code stdin}.
     */
    public Environment(
            Supplier<InputStream> stdin,
            Map<String, String> variables,
            Clock clock,
            boolean interactive,
            boolean colorTerminal,
            boolean stderrTerminal,
            Supplier<String> ids) {
        this(
                stdin,
                variables,
                clock,
                interactive ? Terminal.standardStreams(stdin) : Terminal.none(),
                colorTerminal,
                stderrTerminal,
                ids);
    }

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** True when a question can be asked and answered. */
    public boolean interactive() {
        return terminal.available();
    }

    /** The real process: environment variables, standard input, the controlling terminal, the system clock. */
    public static Environment system() {
        boolean console = System.console() != null;
        return new Environment(
                () -> System.in,
                System.getenv(),
                Clock.systemUTC(),
                Terminal.controlling(),
                isTerminal(1, console),
                isTerminal(2, console),
                () -> UUID.randomUUID().toString());
    }

    /**
     * Whether a standard stream is a terminal. Java only tells whether standard input and output
     * both are ({@code System.console()}); on Linux the file descriptor's link says it for each
     * one, so that {@code plan > plan.txt} still shows progress on the terminal.
     */
    private static boolean isTerminal(int fd, boolean fallback) {
        try {
            String target =
                    Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return fallback;
        }
    }

    public String variable(String name) {
        return variables.getOrDefault(name, "");
    }
}
