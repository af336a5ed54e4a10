package io.tenantctl.cli;

import io.tenantctl.validate.Silencing;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --ignore-warnings}: the warnings a run does not show, shared by the commands that check
 * manifests ({@code validate}, {@code plan}, {@code apply -f}). A code that is no warning's is a
 * usage error with a "did you mean": a mistyped code would otherwise silence nothing, in silence.
 */
public final class WarningOptions {

    static final String NAME = "--ignore-warnings";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = NAME,
            paramLabel = "CODE[,CODE...]",
            split = ",",
            description = "Do not show these warnings, only count them (the run says how many it silenced);"
                    + " repeatable. Errors are never silenced. An object silences its own with the annotation"
                    + " tenantctl.io/ignore-warnings: CODE[,CODE...]. The codes: adopt, global-admin-count,"
                    + " portal-access, protected, unmanaged, unseen.")
    List<String> codes = new ArrayList<>();

    /** What the run silences; a usage error for a code that is not a warning's. */
    Silencing silencing() {
        List<String> trimmed = codes.stream().map(String::trim).toList();
        for (String code : trimmed) {
            Silencing.refusal(code).ifPresent(why -> {
                throw Usage.error(mixee, "invalid " + NAME + ": " + why);
            });
        }
        return Silencing.of(trimmed);
    }
}
