package io.tenantctl.cli;

import io.tenantctl.apply.Applier;
import io.tenantctl.apply.ApplyResult;
import io.tenantctl.apply.Outcome;
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
import io.tenantctl.plan.Provenance;
import io.tenantctl.render.ApplyView;
import io.tenantctl.render.PlanTextView;
import io.tenantctl.render.Style;
import io.tenantctl.sign.Keys;
import io.tenantctl.sign.PlanSignature;
import io.tenantctl.sign.Verifier;
import io.tenantctl.state.AbsentState;
import io.tenantctl.state.JournalRun;
import io.tenantctl.state.StateStore;
import io.tenantctl.validate.Silencing;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code tenantctl apply}: plan and apply manifests, or apply exactly a saved plan. */
@Command(
        name = "apply",
        sortOptions = false,
        description = {
            "Apply manifests: take the state's lock, plan, show the plan, ask for 'yes' on the terminal, and"
                    + " apply it in one transaction; the state is created on first use. Or apply exactly a plan"
                    + " saved by 'plan --out', if the state has not moved since it was made."
        },
        footer = {
            "",
            "Exit codes: 0 applied (or nothing to do), 1 error (nothing changed), 3 the saved plan is stale or"
                    + " the state is locked, 4 the steps before an external action were applied and it waits for"
                    + " the actions listed (confirm each with --confirm ID, then apply again), 64 usage error.",
            "",
            "Examples:",
            "  tenantctl apply -f manifests/",
            "  tenantctl apply -f manifests/ --auto-approve",
            "  tenantctl apply -f manifests/ --dry-run",
            "  tenantctl plan -f manifests/ --out plan.json && tenantctl apply plan.json",
            "  tenantctl apply plan.json --trusted-key plan-key.pub.pem",
            "  tenantctl apply --profile entra -f manifests/ --provider azure --connections connections.yaml",
            "  tenantctl apply --resume --provider azure --connections connections.yaml",
        })
final class ApplyCommand implements Callable<Integer> {

    static final String QUESTION = "Do you want to perform these steps? Only 'yes' will be accepted: ";

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PLANFILE",
            description = "A plan saved by 'plan --out' (manifests are given with -f).")
    Path planFile;

    @Mixin
    ManifestOptions manifests;

    @Mixin
    StateOptions state;

    @Mixin
    ProfileOption profile;

    @Mixin
    ActorOptions actors;

    @Mixin
    LockOptions lock;

    @Mixin
    OutputOptions output;

    @Option(names = "--auto-approve", description = "Do not ask for confirmation.")
    boolean autoApprove;

    @Option(names = "--dry-run", description = "Do everything (lock, plan, re-check every step) but commit.")
    boolean dryRun;

    @Option(
            names = "--confirm",
            paramLabel = "ACTION-ID",
            description = "Record that this external action (one an apply waits for, exit 4) was done, and go on;"
                    + " repeatable. The history shows waiting and confirmed actions.")
    List<String> confirmed = new ArrayList<>();

    @Option(
            names = "--resume",
            description = "Finish the live apply that did not (a killed process, a failed request, an external"
                    + " action awaited): its plan, as the state's journal keeps it, is applied again; done steps"
                    + " are never sent twice. For --provider azure; needs neither -f nor a plan file.")
    boolean resume;

    @Mixin
    ApplysetOptions applyset;

    @Mixin
    ProviderOptions provider;

    @Mixin
    TrustOptions trust;

    @Mixin
    WarningOptions warnings;

    private final Context context;

    ApplyCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        if (resume) {
            return resume(format);
        }
        if (planFile == null && !manifests.given()) {
            throw Usage.error(
                    spec,
                    "apply needs something to apply: the manifests (-f PATH..., to plan and apply them) or a plan"
                            + " saved by 'tenantctl plan --out FILE' (apply FILE)");
        }
        if (planFile != null && manifests.given()) {
            throw Usage.error(
                    spec, "give either -f PATH... (plan and apply) or a PLANFILE (apply a saved plan), not both");
        }
        if (dryRun) {
            Usage.refuse(spec, "with --dry-run, which never asks", "--auto-approve");
        }
        Environment env = context.environment();
        Style style = output.style(env);
        if (planFile == null && trust.given()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--trusted-key and --allow-unsigned check a saved plan's signature: apply PLANFILE, not -f");
        }
        ProviderOptions.Choice choice = provider.choose(env);
        if (choice instanceof ProviderOptions.Refused refused) {
            context.diagnostics(spec, style, refused.problems());
            return ExitCodes.ERROR;
        }
        Engine engine = context.engine(((ProviderOptions.Chosen) choice).provider());
        refuseConfirmWhenLive();
        if (planFile != null) {
            return applySaved(engine, format, style);
        }
        Silencing silencing = warnings.silencing();
        boolean ask = !autoApprove && !dryRun;
        if (ask && format == OutputFormat.JSON) {
            throw Usage.error(
                    spec,
                    "-o json does not show the plan to confirm: pass --auto-approve (after reviewing 'plan'),"
                            + " --dry-run, or apply a saved plan file");
        }
        if (ask && !env.interactive()) {
            return context.fail(
                    spec,
                    style,
                    ExitCodes.ERROR,
                    Codes.USAGE,
                    "apply asks for confirmation, and there is no terminal to ask on; review a plan and pass"
                            + " --auto-approve, or apply a saved plan file");
        }
        Progress progress = TerminalProgress.forTerminal(env, spec.commandLine().getErr());
        Validation validation = engine.read(manifests.manifests(), progress);
        ManifestOptions.refuseMissing(spec, validation);
        List<String> as = actors.as(env);
        PlanOptions options = applyset.options(as, validation.source()).withSilencing(silencing);
        String url = state.url(env);
        return context.guarded(spec, style, () -> {
            // What cannot commit (a dry run, manifests with errors) plans against a state that does
            // not exist rather than create it; what can creates it only when it writes.
            boolean commits = !dryRun && validation.ok();
            try (StateStore store = commits
                    ? engine.openStoreForApply(url, lock.lockTimeout())
                    : engine.openStoreForPlan(url, lock.lockTimeout())) {
                boolean existed = store.exists();
                Provenance made = Provenances.of(env, store, options);
                Shown shown = new Shown(format, style, Optional.of(made));
                Predicate<Plan> confirm = plan -> {
                    TerminalProgress.end(progress);
                    shown.show(plan);
                    return !ask || yes();
                };
                Applier.Request request = new Applier.Request(
                                lock.lockTimeout(), context.holder(as), confirm, dryRun, Operator.of(env), Map.of())
                        .confirming(confirmed);
                ApplyResult result;
                try {
                    result = provider.live()
                            ? engine.applyLive(
                                    validation, store, options, p -> PlanDocument.of(p, made), request, progress)
                            : engine.apply(validation, store, options, request, progress);
                } finally {
                    TerminalProgress.end(progress);
                }
                if (!existed && store.exists() && format == OutputFormat.TEXT) {
                    spec.commandLine().getOut().println("Created the state at " + store.location() + ".");
                }
                // Only the JSON output shows the document: its digest is a second pass over a large
                // plan (the applier digested it already for the history), so text output skips it.
                Optional<PlanDocument> document = format == OutputFormat.JSON
                        ? result.plan().map(p -> PlanDocument.of(p, made))
                        : Optional.empty();
                return report(result, document, shown);
            }
        });
    }

    /** {@code --confirm} tells the record provider an action was done; a live provider reads it instead. */
    private void refuseConfirmWhenLive() {
        if (provider.live() && !confirmed.isEmpty()) {
            throw Usage.error(
                    spec,
                    "--confirm records an action the record provider cannot see; the azure provider reads in the"
                            + " tenants whether it was done: do it, then apply again");
        }
    }

    /**
     * {@code apply --resume}: the unfinished live run's plan, from the journal, applied again. It
     * was approved (and its signature checked) when the run began, so it is neither asked about
     * nor checked again; the history records that it was resumed.
     */
    private int resume(OutputFormat format) {
        if (planFile != null || manifests.given()) {
            throw Usage.error(
                    spec,
                    "--resume applies the unfinished live apply's own plan, from the journal: give neither -f nor"
                            + " a plan file");
        }
        Usage.refuse(spec, "with --resume: its plan was made with them", options());
        Usage.refuse(spec, "with --resume, which applies without asking (it was approved)", "--auto-approve");
        if (trust.given()) {
            throw Usage.error(spec, "--resume applies a plan whose signature was checked when its apply began");
        }
        Environment env = context.environment();
        Style style = output.style(env);
        ProviderOptions.Choice choice = provider.choose(env);
        if (!provider.live()) {
            throw Usage.error(
                    spec,
                    "--resume finishes a live apply (--provider azure); an apply to the state store alone is one"
                            + " transaction, done or not, and never needs it");
        }
        refuseConfirmWhenLive();
        if (choice instanceof ProviderOptions.Refused refused) {
            context.diagnostics(spec, style, refused.problems());
            return ExitCodes.ERROR;
        }
        Engine engine = context.engine(((ProviderOptions.Chosen) choice).provider());
        return context.withStore(spec, style, state.url(env), lock.lockTimeout(), Context.Access.EXISTING, store -> {
            Optional<JournalRun> run = engine.unfinishedLive(store);
            if (run.isEmpty()) {
                return context.fail(
                        spec,
                        style,
                        ExitCodes.ERROR,
                        Codes.PROVIDER,
                        "no live apply is unfinished in " + store.location() + "; nothing to resume");
            }
            PlanDocument document;
            try {
                document = PlanReader.read(run.get().plan());
            } catch (InvalidPlanException e) {
                return context.fail(
                        spec,
                        style,
                        ExitCodes.ERROR,
                        e.code(),
                        "the journal's plan of run " + run.get().id() + ": " + e.getMessage());
            }
            Shown shown = new Shown(format, style, document.made());
            Applier.Request request = new Applier.Request(
                    lock.lockTimeout(),
                    context.holder(document.plan().as()),
                    p -> {
                        shown.show(p);
                        return true;
                    },
                    dryRun,
                    Operator.of(env),
                    Map.of("resumedRun", Long.toString(run.get().id())));
            return report(engine.applyLive(document, run.get().plan(), store, request), Optional.of(document), shown);
        });
    }

    private int applySaved(Engine engine, OutputFormat format, Style style) {
        Usage.refuse(
                spec, "with a saved plan: it is applied exactly as it was made, so make the plan with it", options());
        Usage.refuse(spec, "with a saved plan, which is applied without asking (it was reviewed)", "--auto-approve");
        String text;
        try {
            text = Files.readString(planFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return context.fail(spec, style, ExitCodes.ERROR, Codes.USAGE, "no such plan file: " + planFile);
        } catch (IOException e) {
            if (Files.isDirectory(planFile)) {
                throw notAPlan("is a folder");
            }
            return context.fail(
                    spec, style, ExitCodes.ERROR, Codes.IO, "cannot read the plan file " + IoErrors.describe(e));
        }
        PlanDocument document;
        try {
            document = PlanReader.read(text);
        } catch (InvalidPlanException e) {
            if (looksLikeManifests(planFile, text)) {
                throw notAPlan("holds manifests");
            }
            return context.fail(spec, style, ExitCodes.ERROR, e.code(), planFile + ": " + e.getMessage());
        }
        Plan plan = document.plan();
        Map<String, String> provenance;
        try {
            Optional<Map<String, String>> checked = checkSignature(text, document, style);
            if (checked.isEmpty()) {
                return ExitCodes.ERROR;
            }
            provenance = checked.get();
        } catch (Keys.KeyException e) {
            return context.fail(spec, style, ExitCodes.ERROR, Codes.SIGNING_KEY, e.getMessage());
        }
        // A plan made against no state applies to a new one; any other needs the state it was made against.
        Context.Access access =
                plan.base().lineage().equals(AbsentState.NO_LINEAGE) ? Context.Access.CREATE : Context.Access.EXISTING;
        Shown shown = new Shown(format, style, document.made());
        return context.withStore(spec, style, state.url(context.environment()), lock.lockTimeout(), access, store -> {
            Applier.Request request = new Applier.Request(
                    lock.lockTimeout(),
                    context.holder(plan.as()),
                    p -> {
                        shown.show(p);
                        return true;
                    },
                    dryRun,
                    Operator.of(context.environment()),
                    provenance,
                    confirmed);
            ApplyResult result = provider.live()
                    ? engine.applyLive(document, text, store, request)
                    : engine.applySaved(plan, store, request);
            return report(result, Optional.of(document), shown);
        });
    }

    /**
     * Checks a saved plan's signature against the trusted keys: what the history records of it
     * ({@code signedBy}), or empty when the plan is refused (the reason printed). A live provider
     * applies only a plan a trusted key signed, unless {@code --allow-unsigned}; the record
     * provider refuses a signature that does not verify, and applies an unsigned plan as before.
     */
    private Optional<Map<String, String>> checkSignature(String text, PlanDocument document, Style style)
            throws Keys.KeyException {
        Verifier verifier = trust.verifier(context.environment());
        Verifier.Result result = verifier.verify(document.digest(), PlanSignature.of(Json.parse(text)));
        boolean live = provider.live();
        if (result instanceof Verifier.Signed signed) {
            return Optional.of(Map.of("signedBy", signed.fingerprint()));
        }
        String problem;
        if (result instanceof Verifier.BadSignature bad) {
            if (!live && !verifier.hasKeys()) {
                warn(
                        style,
                        "the plan is signed, but no trusted key was given (--trusted-key); its signature was not checked");
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
            warn(style, problem + "; applied anyway, as --allow-unsigned says");
            return Optional.of(Map.of());
        }
        context.fail(
                spec,
                style,
                ExitCodes.ERROR,
                Codes.PLAN_SIGNATURE,
                planFile + ": " + problem + (live ? "; to apply it anyway, pass --allow-unsigned" : ""));
        return Optional.empty();
    }

    private void warn(Style style, String message) {
        context.diagnostics(spec, style, List.of(Diagnostic.warning(Codes.PLAN_SIGNATURE, message, Location.NONE)));
    }

    /** The options a saved plan fixed when it was made. */
    private static String[] options() {
        List<String> names = new ArrayList<>(List.of(ManifestOptions.NAMES));
        names.addAll(List.of(ApplysetOptions.NAMES));
        names.add("--as");
        names.add(WarningOptions.NAME);
        return names.toArray(String[]::new);
    }

    private RuntimeException notAPlan(String why) {
        return Usage.error(
                spec,
                planFile + " " + why + ", not a plan saved by 'plan --out'; to plan and apply manifests, run:"
                        + " tenantctl apply -f " + planFile);
    }

    /** A YAML file, or JSON that is a manifest rather than a plan: what {@code -f} takes. */
    private static boolean looksLikeManifests(Path file, String text) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        try {
            JsonNode node = Json.parse(text);
            return node.has("apiVersion") && node.has("kind");
        } catch (JacksonException e) {
            return false;
        }
    }

    private boolean yes() {
        Optional<String> answer = context.environment()
                .terminal()
                .ask(QUESTION, spec.commandLine().getOut());
        return answer.map(a -> a.trim().equals("yes")).orElse(false);
    }

    /** Prints the plan once: before the question, or with the result when no question was asked. */
    private final class Shown {
        private final OutputFormat format;
        private final Style style;
        private final Optional<Provenance> made;
        private boolean done;

        Shown(OutputFormat format, Style style, Optional<Provenance> made) {
            this.format = format;
            this.style = style;
            this.made = made;
        }

        void show(Plan plan) {
            if (done) {
                return;
            }
            done = true;
            context.diagnostics(spec, style, plan.diagnostics());
            if (format == OutputFormat.TEXT) {
                PrintWriter out = spec.commandLine().getOut();
                out.println(PlanTextView.header(plan, made, style));
                made.ifPresent(m -> out.println(PlanTextView.pruning(m, style)));
                out.println();
                PlanTextView.write(plan, style, out);
            }
        }
    }

    /**
     * Prints the result; {@code document} is the plan with its digest, when a plan was made or read.
     * A plan that was not shown before the question (it failed, or has nothing to do) is shown now.
     */
    private int report(ApplyResult result, Optional<PlanDocument> document, Shown shown) {
        PrintWriter out = spec.commandLine().getOut();
        switch (result.outcome()) {
            case PLAN_FAILED, NO_CHANGES -> result.plan().ifPresent(shown::show);
            case APPLIED, DRY_RUN, DECLINED, STALE, STEP_FAILED, REQUEST_FAILED, AWAITING -> {
                // shown before the question, or never to be shown (a stale plan)
            }
        }
        // A failed plan showed its own diagnostics; a refusal (--confirm, an unfinished live run) has its own.
        List<Diagnostic> shownAlready = result.outcome() == Outcome.PLAN_FAILED
                ? result.plan().map(Plan::diagnostics).orElse(List.of())
                : List.of();
        context.diagnostics(
                spec,
                shown.style,
                result.diagnostics().stream()
                        .filter(d -> !shownAlready.contains(d))
                        .toList());
        if (shown.format == OutputFormat.JSON) {
            ApplyView.json(result, document, out);
        } else {
            out.println(ApplyView.text(result, shown.style));
            out.flush();
        }
        return switch (result.outcome()) {
            case APPLIED, NO_CHANGES, DRY_RUN -> ExitCodes.OK;
            case STALE -> ExitCodes.CONFLICT;
            case PLAN_FAILED, DECLINED, STEP_FAILED, REQUEST_FAILED -> ExitCodes.ERROR;
            case AWAITING -> ExitCodes.AWAITING;
        };
    }
}
