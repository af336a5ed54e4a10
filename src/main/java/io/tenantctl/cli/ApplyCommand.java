package io.tenantctl.cli;

import io.tenantctl.apply.Applier;
import io.tenantctl.apply.ApplyResult;
import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.diag.Progress;
import io.tenantctl.engine.Engine;
import io.tenantctl.engine.PlanOptions;
import io.tenantctl.engine.Validation;
import io.tenantctl.json.Json;
import io.tenantctl.plan.InvalidPlanException;
import io.tenantctl.plan.Plan;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.PlanReader;
import io.tenantctl.render.ApplyView;
import io.tenantctl.render.PlanTextView;
import io.tenantctl.render.Style;
import io.tenantctl.sign.Keys;
import io.tenantctl.sign.PlanSignature;
import io.tenantctl.sign.Verifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenantctl apply}: plan and apply manifests, or apply exactly a saved plan. */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Apply manifests: take the state's lock, plan, show the plan, ask for 'yes', and apply it in one"
                    + " transaction. Or apply exactly a plan saved by 'plan --out', if the state has not moved"
                    + " since it was made."
        },
        footer = {
            "",
            "Exit codes: 0 applied (or nothing to do), 1 error (nothing changed), 3 the saved plan is stale or"
                    + " the state is locked, 64 usage error.",
            "",
            "Examples:",
            "  tenantctl apply -f manifests/",
            "  tenantctl apply -f manifests/ --auto-approve",
            "  tenantctl apply -f manifests/ --dry-run",
            "  tenantctl plan -f manifests/ --out plan.json && tenantctl apply plan.json",
            "  tenantctl apply plan.json --trusted-key plan-key.pub.pem",
        })
final class ApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLANFILE", description = "A plan saved by 'plan --out'.")
    Path planFile;

    @Mixin
    ManifestOptions manifests;

    @Mixin
    StateOptions state;

    @Mixin
    OutputOptions output;

    @Option(names = "--auto-approve", description = "Do not ask for confirmation.")
    boolean autoApprove;

    @Option(names = "--dry-run", description = "Do everything (lock, plan, re-check every step) but commit.")
    boolean dryRun;

    @Mixin
    ApplysetOptions applyset;

    @Mixin
    ProviderOptions provider;

    @Mixin
    TrustOptions trust;

    private final Context context;

    ApplyCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        if ((planFile == null) == (!manifests.given())) {
            throw new ParameterException(
                    spec.commandLine(),
                    "give either -f PATH... (plan and apply) or a PLANFILE (apply a saved plan), not both");
        }
        Environment env = context.environment();
        Style style = output.style(env);
        if (planFile == null && trust.given()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--trusted-key and --allow-unsigned check a saved plan's signature: apply PLANFILE, not -f");
        }
        ProviderOptions.Choice choice = provider.choose(env, context.profile());
        if (choice instanceof ProviderOptions.Refused refused) {
            context.diagnostics(spec, output, refused.problems());
            return ExitCodes.ERROR;
        }
        Engine engine = context.engine(((ProviderOptions.Chosen) choice).provider());
        if (planFile != null) {
            return applySaved(engine, format, style);
        }
        boolean ask = !autoApprove && !dryRun;
        if (ask && !env.interactive()) {
            return context.fail(
                    spec,
                    output,
                    ExitCodes.ERROR,
                    Codes.USAGE,
                    "apply asks for confirmation, and there"
                            + " is no terminal to ask on; review a plan and pass --auto-approve, or apply a saved plan file");
        }
        Progress progress = TerminalProgress.forTerminal(env, spec.commandLine().getErr());
        Validation validation = engine.read(manifests.manifests(), progress);
        List<String> as = state.as(env);
        PlanOptions options = applyset.options(as, validation.source());
        return context.withStore(spec, output, state, store -> {
            Predicate<Plan> confirm = plan -> {
                TerminalProgress.end(progress);
                context.diagnostics(spec, output, plan.diagnostics());
                if (format == OutputFormat.TEXT) {
                    PlanTextView.write(plan, style, spec.commandLine().getOut());
                }
                return !ask || askYes();
            };
            Applier.Request request = new Applier.Request(state.lockTimeout(), context.holder(as), confirm, dryRun);
            ApplyResult result;
            try {
                result = engine.apply(validation, store, options, request, progress);
            } finally {
                TerminalProgress.end(progress);
            }
            return report(result, Optional.empty(), format, style);
        });
    }

    private int applySaved(Engine engine, OutputFormat format, Style style) {
        String text;
        try {
            text = Files.readString(planFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return context.fail(spec, output, ExitCodes.ERROR, Codes.USAGE, "no such plan file: " + planFile);
        } catch (IOException e) {
            return context.fail(
                    spec, output, ExitCodes.ERROR, Codes.IO, "cannot read the plan file " + IoErrors.describe(e));
        }
        PlanDocument document;
        try {
            document = PlanReader.read(text);
        } catch (InvalidPlanException e) {
            return context.fail(spec, output, ExitCodes.ERROR, e.code(), planFile + ": " + e.getMessage());
        }
        Plan plan = document.plan();
        Map<String, String> provenance;
        try {
            Optional<Map<String, String>> checked = checkSignature(text, document);
            if (checked.isEmpty()) {
                return ExitCodes.ERROR;
            }
            provenance = checked.get();
        } catch (Keys.KeyException e) {
            return context.fail(spec, output, ExitCodes.ERROR, Codes.SIGNING_KEY, e.getMessage());
        }
        return context.withStore(spec, output, state, store -> {
            Applier.Request request =
                    new Applier.Request(state.lockTimeout(), context.holder(plan.as()), p -> true, dryRun, provenance);
            ApplyResult result = engine.applySaved(plan, store, request);
            return report(result, Optional.of(document), format, style);
        });
    }

    /**
     * Checks a saved plan's signature against the trusted keys: what the history records of it
     * ({@code signedBy}), or empty when the plan is refused (the reason printed). A live provider
     * applies only a plan a trusted key signed, unless {@code --allow-unsigned}; the record
     * provider refuses a signature that does not verify, and applies an unsigned plan as before.
     */
    private Optional<Map<String, String>> checkSignature(String text, PlanDocument document) throws Keys.KeyException {
        Verifier verifier = trust.verifier(context.environment());
        Verifier.Result result = verifier.verify(document.digest(), PlanSignature.of(Json.parse(text)));
        boolean live = provider.live();
        if (result instanceof Verifier.Signed signed) {
            return Optional.of(Map.of("signedBy", signed.fingerprint()));
        }
        String problem;
        if (result instanceof Verifier.BadSignature bad) {
            if (!live && !verifier.hasKeys()) {
                warn("the plan is signed, but no trusted key was given (--trusted-key); its signature was not checked");
                return Optional.of(Map.of());
            }
            problem = "the plan's signature is not trusted: " + bad.why();
        } else if (live) {
            problem = "the plan is not signed, and a live provider applies only signed plans (plan --out FILE"
                    + " --signing-key KEY)";
        } else {
            return Optional.of(Map.of());
        }
        if (trust.allowUnsigned) {
            warn(problem + "; applied anyway, as --allow-unsigned says");
            return Optional.of(Map.of());
        }
        context.fail(
                spec,
                output,
                ExitCodes.ERROR,
                Codes.PLAN_SIGNATURE,
                planFile + ": " + problem + (live ? "; to apply it anyway, pass --allow-unsigned" : ""));
        return Optional.empty();
    }

    private void warn(String message) {
        context.diagnostics(spec, output, List.of(Diagnostic.warning(Codes.PLAN_SIGNATURE, message, Location.NONE)));
    }

    private boolean askYes() {
        PrintWriter out = spec.commandLine().getOut();
        out.print("Do you want to perform these steps? Only 'yes' will be accepted: ");
        out.flush();
        try {
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(context.environment().stdin().get(), StandardCharsets.UTF_8));
            String answer = reader.readLine();
            return answer != null && answer.trim().equals("yes");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Prints the result; {@code document} is the saved plan as read (its digest already known), or
     * empty when the plan was made by this run.
     */
    private int report(ApplyResult result, Optional<PlanDocument> document, OutputFormat format, Style style) {
        PrintWriter out = spec.commandLine().getOut();
        context.diagnostics(spec, output, result.diagnostics());
        if (format == OutputFormat.JSON) {
            ApplyView.json(result, document.or(() -> result.plan().map(PlanDocument::of)), out);
        } else {
            out.println(ApplyView.text(result, style));
            out.flush();
        }
        return switch (result.outcome()) {
            case APPLIED, NO_CHANGES, DRY_RUN -> ExitCodes.OK;
            case STALE -> ExitCodes.CONFLICT;
            case PLAN_FAILED, DECLINED, STEP_FAILED, REQUEST_FAILED -> ExitCodes.ERROR;
        };
    }
}
