package io.tenantctl.cli;

import io.tenantctl.diag.Progress;
import io.tenantctl.engine.PlanOptions;
import io.tenantctl.engine.Validation;
import io.tenantctl.json.Json;
import io.tenantctl.plan.Drift;
import io.tenantctl.render.DriftView;
import io.tenantctl.render.Style;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenantctl drift}: objects changed by others since their manifests were last applied. */
@Command(
        name = "drift",
        sortOptions = false,
        description = "List the objects these manifests declare whose state differs from what the applyset"
                + " last applied: changed or deleted since by another apply (another applyset, another source),"
                + " with the revision, time, actors and source of that change. It compares within the state"
                + " store: changes made to real tenants outside tenantctl are not seen.",
        footer = {
            "",
            "Exit codes: 0 no drift, 1 error (no state at the URL, an applyset never applied, bad manifests),"
                    + " 2 drift found, 64 usage error.",
            "",
            "Examples:",
            "  tenantctl drift -f manifests/",
            "  tenantctl drift -f manifests/ --applyset platform -o json",
        })
final class DriftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ManifestOptions manifests;

    @Option(
            names = "--applyset",
            paramLabel = "NAME",
            defaultValue = PlanOptions.DEFAULT_APPLYSET,
            description = "The applyset the manifests were applied as (default ${DEFAULT-VALUE}).")
    String applyset;

    @Mixin
    StateOptions state;

    @Mixin
    ProfileOption profile;

    @Mixin
    OutputOptions output;

    private final Context context;

    DriftCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        ApplysetOptions.checkName(spec, applyset);
        Style style = output.style(context.environment());
        Validation validation = context.engine().read(manifests.required(spec), Progress.NONE);
        ManifestOptions.refuseMissing(spec, validation);
        if (!validation.ok()) {
            context.diagnostics(spec, style, validation.diagnostics());
            return ExitCodes.ERROR;
        }
        return context.withExistingStore(spec, style, state, store -> {
            Optional<Integer> unknown = context.refuseUnknownApplyset(spec, style, store, applyset);
            if (unknown.isPresent()) {
                return unknown.get();
            }
            List<Drift> drift = context.engine().drift(validation, store, applyset);
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                out.print(Json.pretty(DriftView.json(drift)));
            } else {
                out.print(DriftView.text(drift, style));
            }
            out.flush();
            return drift.isEmpty() ? ExitCodes.OK : ExitCodes.CHANGES;
        });
    }
}
