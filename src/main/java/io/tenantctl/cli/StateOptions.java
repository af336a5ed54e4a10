package io.tenantctl.cli;

import io.tenantctl.model.Names;
import io.tenantctl.state.jdbc.StateUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --state}, {@code --as} and {@code --lock-timeout}, shared by the commands that use the state. */
public final class StateOptions {

    @Option(
            names = "--state",
            paramLabel = "URL",
            description = "The state store: sqlite:PATH or postgresql://user:pass@host:port/db"
                    + " (also: TENANTCTL_STATE; default " + StateUrl.DEFAULT + ", created on first use).")
    String state;

    @Option(
            names = "--as",
            paramLabel = "ID",
            description = "Only these identities may act, preferred in this order. Repeatable"
                    + " (also: TENANTCTL_AS, comma-separated). Without it, any account holding a step's"
                    + " authority is named and the plan is a runbook of who must sign in.")
    List<String> as = new ArrayList<>();

    @Option(
            names = "--lock-timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "How long to wait for another apply's lock before giving up with exit 3"
                    + " (e.g. 60s, 1m30s, 2m, 500ms; default ${DEFAULT-VALUE}).")
    Duration lockTimeout;

    String url(Environment environment) {
        if (state != null && !state.isBlank()) {
            return state;
        }
        String fromEnv = environment.variable("TENANTCTL_STATE");
        return fromEnv.isBlank() ? StateUrl.DEFAULT : fromEnv;
    }

    List<String> as(Environment environment) {
        List<String> out = new ArrayList<>();
        List<String> given = as;
        if (given.isEmpty() && !environment.variable("TENANTCTL_AS").isBlank()) {
            given = List.of(environment.variable("TENANTCTL_AS").split(","));
        }
        for (String id : given) {
            for (String part : id.split(",")) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty() && !out.contains(Names.key(trimmed))) {
                    out.add(Names.key(trimmed));
                }
            }
        }
        return out;
    }

    Duration lockTimeout() {
        return lockTimeout;
    }
}
