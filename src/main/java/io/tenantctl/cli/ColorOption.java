package io.tenantctl.cli;

import io.tenantctl.render.Style;
import picocli.CommandLine.Option;

/** {@code --no-color}, shared by every command that prints (its errors at least). */
public final class ColorOption {

    @Option(names = "--no-color", description = "Never colour the output (also: the NO_COLOR variable).")
    boolean noColor;

    Style style(Environment environment) {
        boolean enabled = !noColor
                && environment.colorTerminal()
                && environment.variable("NO_COLOR").isEmpty();
        return new Style(enabled);
    }
}
