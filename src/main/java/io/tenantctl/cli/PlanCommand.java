package io.tenantctl.cli;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Progress;
import io.tenantctl.diag.Timings;
import io.tenantctl.engine.Engine;
import io.tenantctl.engine.PlanOptions;
import io.tenantctl.engine.Validation;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.PlanWriter;
import io.tenantctl.render.MarkdownOptions;
import io.tenantctl.render.PlanMarkdownView;
import io.tenantctl.render.PlanTextView;
import io.tenantctl.render.Style;
import io.tenantctl.sign.Keys;
import io.tenantctl.sign.Signer;
import io.tenantctl.validate.Silencing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenantctl plan}: what would change, and the steps that would do it. */
@Command(
        name = "plan",
        sortOptions = false,
        description = "Compare the manifests with the state and print the ordered steps that would reconcile"
                + " them, each with the account that must perform it. Nothing is changed, and a state that does"
                + " not exist yet is not created: the plan is then made from an empty state.",
        footer = {
            "",
            "Exit codes: 0 success (with --detailed-exitcode: no changes), 1 error (the plan has errors, or the"
                    + " state cannot be read), 2 changes (with --detailed-exitcode only), 64 usage error.",
            "",
            "Examples:",
            "  tenantctl plan -f manifests/",
            "  tenantctl plan -f manifests/ --out plan.json --detailed-exitcode",
            "  tenantctl plan -f manifests/ --as msmith@hotmail.com -o json",
            "  tenantctl plan -f manifests/ --out plan.json --signing-key plan-key.pem",
        })
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ManifestOptions manifests;

    @Mixin
    StateOptions state;

    @Mixin
    ProfileOption profile;

    @Mixin
    ActorOptions actors;

    @Mixin
    OutputOptions output;

    @Option(names = "--out", paramLabel = "FILE", description = "Also save the plan (JSON) for 'apply FILE'.")
    Path out;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when the plan has changes, 0 when it has none.")
    boolean detailedExitCode;

    @Mixin
    ApplysetOptions applyset;

    @Mixin
    ProviderOptions provider;

    @Mixin
    SigningOptions signing;

    @Mixin
    FullPlanOptions fullPlan;

    @Mixin
    WarningOptions warnings;

    private final Context context;

    PlanCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.MARKDOWN);
        MarkdownOptions markdown = fullPlan.markdown(format, Optional.ofNullable(out));
        Silencing silencing = warnings.silencing();
        Environment env = context.environment();
        Style style = output.style(env);
        if (signing.given() && out == null) {
            throw new ParameterException(
                    spec.commandLine(), "--signing-key signs the plan that --out saves; give --out FILE too");
        }
        ProviderOptions.Choice choice = provider.choose(env);
        if (choice instanceof ProviderOptions.Refused refused) {
            context.diagnostics(spec, style, refused.problems());
            return ExitCodes.ERROR;
        }
        Engine engine = context.engine(((ProviderOptions.Chosen) choice).provider());
        Optional<Signer> signer;
        try {
            signer = out == null ? Optional.empty() : signing.signer(env);
        } catch (Keys.KeyException e) {
            return context.fail(spec, style, ExitCodes.ERROR, Codes.SIGNING_KEY, e.getMessage());
        }
        Progress progress = TerminalProgress.forTerminal(env, spec.commandLine().getErr());
        Validation validation = engine.read(manifests.required(spec), progress);
        ManifestOptions.refuseMissing(spec, validation);
        PlanOptions options =
                applyset.options(actors.as(env), validation.source()).withSilencing(silencing);
        String url = state.url(env);
        return context.withStore(
                spec, style, url, Context.READ_LOCK_TIMEOUT, Context.Access.EXISTING_OR_ABSENT, store -> {
                    Plan plan;
                    try {
                        plan = engine.plan(validation, store, options, progress);
                    } finally {
                        TerminalProgress.end(progress);
                    }
                    Timings.time("print diagnostics", () -> context.diagnostics(spec, style, plan.diagnostics()));
                    PrintWriter stdout = spec.commandLine().getOut();
                    // The digest is computed once, and only when something shows or saves it.
                    Optional<PlanDocument> document = format == OutputFormat.JSON
                                    || format == OutputFormat.MARKDOWN
                                    || (out != null && !plan.failed())
                            ? Optional.of(Timings.time(
                                    "digest", () -> PlanDocument.of(plan, Provenances.of(env, store, options))))
                            : Optional.empty();
                    Timings.time("render plan", () -> {
                        switch (format) {
                            case JSON -> PlanWriter.write(document.orElseThrow(), stdout);
                            case MARKDOWN -> stdout.print(PlanMarkdownView.render(document.orElseThrow(), markdown));
                            case TEXT, YAML, WIDE -> {
                                stdout.println(PlanTextView.header(
                                        plan, Optional.of(Provenances.of(env, store, options)), style));
                                stdout.println(PlanTextView.pruning(Provenances.of(env, store, options), style));
                                stdout.println();
                                PlanTextView.write(plan, style, stdout);
                            }
                        }
                        stdout.flush();
                    });
                    if (plan.failed()) {
                        return ExitCodes.ERROR;
                    }
                    if (out != null) {
                        if (signer.isPresent()) {
                            StringWriter text = new StringWriter();
                            PlanWriter.write(document.orElseThrow(), text);
                            Files.writeString(out, signer.get().signDocument(text.toString()), StandardCharsets.UTF_8);
                        } else {
                            try (var writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                                PlanWriter.write(document.orElseThrow(), writer);
                            }
                        }
                        if (format == OutputFormat.TEXT) {
                            stdout.println("Saved the plan to " + out
                                    + (signer.isPresent() ? ", signed (Ed25519)" : "")
                                    + "; apply exactly it with: tenantctl apply " + out
                                    + (state.chosen(env) ? " --state " + store.location() : ""));
                            stdout.flush();
                        }
                    }
                    return detailedExitCode && plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
                });
    }
}
