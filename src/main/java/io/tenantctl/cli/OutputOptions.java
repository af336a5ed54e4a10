package io.tenantctl.cli;

import io.tenantctl.render.Style;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code -o} and {@code --no-color}, shared by every command that prints. */
public final class OutputOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description = "Output format: text (default), json; plan also markdown; get also yaml.")
    String output = "text";

    @Option(names = "--no-color", description = "Never colour the output (also: the NO_COLOR variable).")
    boolean noColor;

    /** The chosen format, refused as a usage error when this command does not offer it. */
    OutputFormat format(OutputFormat... allowed) {
        for (OutputFormat f : allowed) {
            if (f.toString().equals(output.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        StringBuilder names = new StringBuilder();
        for (OutputFormat f : allowed) {
            names.append(names.length() == 0 ? "" : ", ").append(f);
        }
        throw new ParameterException(
                mixee.commandLine(),
                "Invalid value for option '--output': '" + output + "' (expected one of: " + names + ")");
    }

    Style style(Environment environment) {
        boolean enabled = !noColor
                && environment.colorTerminal()
                && environment.variable("NO_COLOR").isEmpty();
        return new Style(enabled);
    }
}
