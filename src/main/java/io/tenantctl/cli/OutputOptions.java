package io.tenantctl.cli;

import io.tenantctl.render.Style;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code -o} and {@code --no-color}, shared by every command that offers more than one format. */
public final class OutputOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description =
                    "Output format: text (default) or json; plan and show also markdown; get also yaml" + " and wide.")
    String output = "text";

    @Mixin
    ColorOption color;

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
        return color.style(environment);
    }
}
