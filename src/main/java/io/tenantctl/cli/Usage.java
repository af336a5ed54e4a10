package io.tenantctl.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Usage errors (exit 64) found after parsing: options that have no effect in the combination
 * given, which would otherwise be ignored in silence.
 */
final class Usage {

    private Usage() {}

    static ParameterException error(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** True when the option was on the command line (not merely at its default). */
    static boolean given(CommandSpec spec, String option) {
        return spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** Refuses the options among {@code options} that were given: {@code because} says why they do nothing. */
    static void refuse(CommandSpec spec, String because, String... options) {
        List<String> given = new ArrayList<>();
        for (String option : options) {
            if (given(spec, option)) {
                given.add(option);
            }
        }
        if (!given.isEmpty()) {
            throw error(
                    spec, String.join(", ", given) + (given.size() == 1 ? " has" : " have") + " no effect " + because);
        }
    }

    /** Refuses {@code option} unless {@code needed} was given too. */
    static void requires(CommandSpec spec, String option, String needed) {
        if (given(spec, option) && !given(spec, needed)) {
            throw error(spec, option + " has no effect without " + needed);
        }
    }
}
