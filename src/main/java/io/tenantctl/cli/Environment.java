package io.tenantctl.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a command takes from the process besides its arguments. Tests pass their own, so that
 * nothing a command does depends on the machine it runs on.
 *
 * @param interactive    standard input and output are a terminal, so a question can be asked
 * @param colorTerminal  standard output is a terminal that can show colour
 * @param stderrTerminal standard error is a terminal, so progress can be shown on it
 * @param ids            where new lineage ids come from (random UUIDs; fixed in tests)
 */
public record Environment(
        Supplier<InputStream> stdin,
        Map<String, String> variables,
        Clock clock,
        boolean interactive,
        boolean colorTerminal,
        boolean stderrTerminal,
        Supplier<String> ids) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** The real process: environment variables, standard input, the system clock. */
    public static Environment system() {
        boolean console = System.console() != null;
        return new Environment(() -> System.in, System.getenv(), Clock.systemUTC(), console, console, console,
                () -> java.util.UUID.randomUUID().toString());
    }

    public String variable(String name) {
        return variables.getOrDefault(name, "");
    }
}
