package io.tenantctl.cli;

import io.tenantctl.diag.Progress;
import io.tenantctl.engine.DriftReport;
import io.tenantctl.engine.Engine;
import io.tenantctl.engine.PlanOptions;
import io.tenantctl.engine.Validation;
import io.tenantctl.json.Json;
import io.tenantctl.render.DriftView;
import io.tenantctl.render.Style;
import java.io.PrintWriter;
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
                + " with the revision, time, actors and source of that change. With the record provider (the"
                + " default) it compares within the state store; with --provider azure it reads the connected"
                + " tenants and also names what was changed in them outside tenantctl.",
        footer = {
            "",
            "Exit codes: 0 no drift, 1 error (no state at the URL, an applyset never applied, bad manifests, a"
                    + " tenant that could not be read), 2 drift found, 64 usage error.",
            "",
            "Examples:",
            "  tenantctl drift -f manifests/",
            "  tenantctl drift -f manifests/ --applyset platform -o json",
            "  tenantctl drift -f manifests/ --provider azure --connections connections.yaml",
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
    ProviderOptions provider;

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
        ProviderOptions.Choice choice = provider.choose(context.environment());
        if (choice instanceof ProviderOptions.Refused refused) {
            context.diagnostics(spec, style, refused.problems());
            return ExitCodes.ERROR;
        }
        Engine engine = context.engine(((ProviderOptions.Chosen) choice).provider());
        Validation validation = engine.read(manifests.required(spec), Progress.NONE);
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
            DriftReport report = engine.drift(validation, store, applyset);
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                out.print(Json.pretty(DriftView.json(report.drift())));
            } else if (!report.drift().isEmpty() || !report.failed()) {
                // "No drift" is not said of objects that could not be read.
                out.print(DriftView.text(report.drift(), style));
            }
            out.flush();
            if (report.failed()) {
                context.diagnostics(spec, style, report.diagnostics());
                return ExitCodes.ERROR;
            }
            return report.drift().isEmpty() ? ExitCodes.OK : ExitCodes.CHANGES;
        });
    }
}
