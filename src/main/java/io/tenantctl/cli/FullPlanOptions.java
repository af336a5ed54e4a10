package io.tenantctl.cli;

import io.tenantctl.render.MarkdownOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --full-plan-name}: where the Markdown comment sends a reviewer for what it leaves out. A
 * comment of a large plan shows part of it; "the saved plan file" is no help to a reviewer who sees
 * only the pull request, while the name CI keeps the plan under (its artifact) is something they
 * can download and {@code show}. An option rather than an environment variable, so that a pipeline
 * says it where it runs {@code plan} and a wrong name is a usage error there ({@code ci/gitops.sh}
 * passes its {@code ARTIFACT}).
 */
public final class FullPlanOptions {

    /** Artifact and file names: nothing that could end a code span or start Markdown of its own. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._/:@+=-]{1,200}");

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--full-plan-name",
            paramLabel = "NAME",
            description = "With -o markdown: the name under which CI keeps the saved plan (its artifact); the"
                    + " comment names it wherever it leaves part of the plan out.")
    String name;

    /**
     * The Markdown options: the artifact's name when given, else the file the plan is saved to,
     * else the default hint. Refuses the option without {@code -o markdown} and a name that is not
     * one plain word.
     */
    MarkdownOptions markdown(OutputFormat format, Optional<Path> saved) {
        if (name == null) {
            return MarkdownOptions.withFullPlan(saved.map(f -> "the saved plan file `" + f.getFileName() + "`"));
        }
        if (format != OutputFormat.MARKDOWN) {
            throw Usage.error(mixee, "--full-plan-name has no effect without -o markdown");
        }
        if (!NAME.matcher(name).matches()) {
            throw Usage.error(
                    mixee,
                    "invalid --full-plan-name '" + name + "' (1 to 200 letters, digits and ._/:@+=-, as artifact"
                            + " names are)");
        }
        return MarkdownOptions.withFullPlan(Optional.of("the CI artifact `" + name + "` of this run (download it, then"
                + " run `tenantctl show " + name + "`)"));
    }
}
