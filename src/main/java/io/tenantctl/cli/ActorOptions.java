package io.tenantctl.cli;

import io.tenantctl.model.Names;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --as}: who may act in a plan, for the commands that plan ({@code plan}, {@code apply -f}). */
public final class ActorOptions {

    @Option(
            names = "--as",
            paramLabel = "ID",
            description = "Only these identities may act, preferred in this order. Repeatable"
                    + " (also: TENANTCTL_AS, comma-separated). Without it, any account holding a step's"
                    + " authority is named and the plan is a runbook of who must sign in.")
    List<String> as = new ArrayList<>();

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
}
