package io.tenantctl.cli;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.engine.Validation;
import io.tenantctl.render.DiagnosticsView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tenantctl validate}: schema and rules on the manifests alone. */
@Command(
        name = "validate",
        sortOptions = false,
        description = "Check manifests against the JSON Schemas and the rules of the world, without any state."
                + " Every problem is reported in one run.",
        footer = {
            "",
            "Exit codes: 0 valid (warnings allowed), 1 errors found, 64 usage error.",
            "",
            "Examples:",
            "  tenantctl validate -f manifests/",
            "  tenantctl validate -f tenants.yaml -f accounts.yaml -o json",
            "  cat contoso.yaml | tenantctl validate -f -",
            "  tenantctl validate -f manifests/ --ignore-warnings portal-access",
        })
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOption profile;

    @Mixin
    HelpOption help;

    @Mixin
    ManifestOptions manifests;

    @Mixin
    OutputOptions output;

    @Mixin
    WarningOptions warnings;

    private final Context context;

    ValidateCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        Validation validation = context.engine().validate(manifests.required(spec), warnings.silencing());
        ManifestOptions.refuseMissing(spec, validation);
        List<Diagnostic> diagnostics = validation.diagnostics();
        if (format == OutputFormat.JSON) {
            spec.commandLine().getOut().print(DiagnosticsView.validateJson(diagnostics, validation.silenced()));
        } else {
            context.diagnostics(spec, output.style(context.environment()), diagnostics);
            int objects = validation.desired().objects().size();
            String silenced =
                    validation.silenced().isEmpty() ? "" : "; " + DiagnosticsView.silenced(validation.silenced());
            // Both verdicts on standard output, after the diagnostics on standard error: one stream
            // to read (or to discard) either way.
            spec.commandLine()
                    .getOut()
                    .println(
                            validation.ok()
                                    ? "Valid: " + DiagnosticsView.plural(objects, "object") + ", "
                                            + DiagnosticsView.summary(diagnostics) + silenced + "."
                                    : "Invalid: " + DiagnosticsView.summary(diagnostics) + silenced + ".");
        }
        spec.commandLine().getOut().flush();
        return validation.ok() ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
