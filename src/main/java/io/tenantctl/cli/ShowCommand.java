package io.tenantctl.cli;

import io.tenantctl.diag.Codes;
import io.tenantctl.plan.InvalidPlanException;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.PlanReader;
import io.tenantctl.plan.PlanWriter;
import io.tenantctl.render.MarkdownOptions;
import io.tenantctl.render.PlanMarkdownView;
import io.tenantctl.render.PlanTextView;
import io.tenantctl.render.Style;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenantctl show PLANFILE}: a saved plan, for review, as terraform show does. */
@Command(
        name = "show",
        sortOptions = false,
        description = "Show a plan saved by 'plan --out', for review: as text (with the state and revision it"
                + " was made against, when and by which tenantctl), as its JSON, or as the Markdown of a"
                + " pull-request comment. The digest is checked first; the state is not read.",
        footer = {
            "",
            "Exit codes: 0 shown, 1 the file is not a plan or was edited after it was made, 64 usage error.",
            "",
            "Examples:",
            "  tenantctl show plan.json",
            "  tenantctl show plan.json -o markdown > comment.md",
        })
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "PLANFILE", description = "A plan saved by 'plan --out'.")
    Path planFile;

    @Mixin
    OutputOptions output;

    @Mixin
    FullPlanOptions fullPlan;

    private final Context context;

    ShowCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.MARKDOWN);
        MarkdownOptions markdown = fullPlan.markdown(format, Optional.of(planFile));
        Style style = output.style(context.environment());
        String text;
        try {
            text = Files.readString(planFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return context.fail(spec, style, ExitCodes.ERROR, Codes.IO, "no such plan file: " + planFile);
        } catch (IOException e) {
            return context.fail(
                    spec, style, ExitCodes.ERROR, Codes.IO, "cannot read the plan file " + IoErrors.describe(e));
        }
        PlanDocument document;
        try {
            document = PlanReader.read(text);
        } catch (InvalidPlanException e) {
            return context.fail(spec, style, ExitCodes.ERROR, e.code(), planFile + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> PlanWriter.write(document, out);
            case MARKDOWN -> out.print(PlanMarkdownView.render(document, markdown));
            case TEXT, YAML, WIDE -> {
                context.diagnostics(spec, style, document.plan().diagnostics());
                out.println(PlanTextView.header(document.plan(), document.made(), style));
                document.made().ifPresent(made -> out.println(PlanTextView.origin(made, style)));
                out.println();
                PlanTextView.write(document.plan(), style, out);
                out.println("Digest: " + document.digest());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
