package io.tenantctl.cli;

import io.tenantctl.state.jdbc.StateUrl;
import picocli.CommandLine.Option;

/** {@code --state}, shared by the commands that use the state store. */
public final class StateOptions {

    @Option(
            names = "--state",
            paramLabel = "URL",
            description = "The state store: sqlite:PATH or postgresql://user:pass@host:port/db"
                    + " (also: TENANTCTL_STATE; default " + StateUrl.DEFAULT + ").")
    String state;

    String url(Environment environment) {
        if (state != null && !state.isBlank()) {
            return state;
        }
        String fromEnv = environment.variable("TENANTCTL_STATE");
        return fromEnv.isBlank() ? StateUrl.DEFAULT : fromEnv;
    }

    /** The URL as messages show it: never with its password. */
    String display(Environment environment) {
        return StateUrl.parse(url(environment)).display();
    }

    /** True when the state is not the default one, so that a command to run next must name it. */
    boolean chosen(Environment environment) {
        return !url(environment).equals(StateUrl.DEFAULT);
    }
}
