package io.tenantctl.cli;

import io.tenantctl.diag.Progress;
import io.tenantctl.engine.Validation;
import io.tenantctl.json.Json;
import io.tenantctl.plan.Drift;
import io.tenantctl.render.DriftView;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenantctl drift}: objects changed by others since their manifests were last applied. */
@Command(
        name = "drift",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "List the objects these manifests declare whose live state differs from what the applyset"
                + " last applied: changed or deleted since by another apply (another applyset, another source),"
                + " with the revision, time, actors and source of that change.",
        footer = {
            "",
            "Exit codes: 0 no drift, 1 error, 2 drift found, 64 usage error.",
            "",
            "Examples:",
            "  tenantctl drift -f manifests/",
            "  tenantctl drift -f manifests/ --applyset platform -o json",
        })
final class DriftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ManifestOptions manifests;

    @Option(
            names = "--applyset",
            paramLabel = "NAME",
            defaultValue = "default",
            description = "The applyset the manifests were applied as (default ${DEFAULT-VALUE}).")
    String applyset;

    @Mixin
    StateOptions state;

    @Mixin
    OutputOptions output;

    private final Context context;

    DriftCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        Validation validation = context.engine().read(manifests.required(spec), Progress.NONE);
        if (!validation.ok()) {
            context.diagnostics(spec, output, validation.diagnostics());
            return ExitCodes.ERROR;
        }
        return context.withStore(spec, output, state, store -> {
            List<Drift> drift = context.engine().drift(validation, store, applyset);
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                out.print(Json.pretty(DriftView.json(drift)));
            } else {
                out.print(DriftView.text(drift, output.style(context.environment())));
            }
            out.flush();
            return drift.isEmpty() ? ExitCodes.OK : ExitCodes.CHANGES;
        });
    }
}
