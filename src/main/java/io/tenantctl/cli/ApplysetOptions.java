package io.tenantctl.cli;

import io.tenantctl.engine.PlanOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --applyset}, {@code --prune} and its safety limits, shared by plan and apply. */
public final class ApplysetOptions {

    /** The options of this mixin, for a command that refuses them in some combination. */
    static final String[] NAMES = {"--applyset", "--prune", "--max-prune", "--allow-mass-prune", "--force-adopt"};

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--applyset",
            paramLabel = "NAME",
            defaultValue = PlanOptions.DEFAULT_APPLYSET,
            description = "The manifest set these manifests are (default ${DEFAULT-VALUE}). An apply records that"
                    + " the set owns what it declares; --prune deletes only what the set owns. The name is stored,"
                    + " never derived from folder names, so moving files orphans nothing.")
    String applyset;

    @Option(
            names = "--prune",
            description =
                    "Delete objects this applyset owns that the manifests no longer declare"
                            + " (never objects of other applysets, objects nobody owns, or objects annotated tenantctl.io/protect).")
    boolean prune;

    @Option(
            names = "--max-prune",
            paramLabel = "PERCENT",
            defaultValue = "25%",
            description =
                    "Refuse a prune of more than this share of the applyset's objects (default ${DEFAULT-VALUE}).")
    String maxPrune;

    @Option(
            names = "--allow-mass-prune",
            description = "With --prune: allow a prune past --max-prune, or of everything the applyset owns.")
    boolean allowMassPrune;

    @Option(
            names = "--force-adopt",
            description = "Let this applyset take over declared objects that another applyset owns (refused"
                    + " otherwise, naming the owner).")
    boolean forceAdopt;

    /** The options; a usage error for a bad name, or pruning limits without --prune. */
    PlanOptions options(List<String> as, Map<String, String> source) {
        checkName(mixee, applyset);
        Usage.requires(mixee, "--max-prune", "--prune");
        Usage.requires(mixee, "--allow-mass-prune", "--prune");
        return new PlanOptions(as, prune, source, applyset, fraction(), allowMassPrune, forceAdopt);
    }

    /** The rule of an applyset's name, as Kubernetes labels have it. */
    static void checkName(CommandSpec spec, String name) {
        if (!name.matches("^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$")) {
            throw new ParameterException(
                    spec.commandLine(),
                    "invalid --applyset '" + name + "' (lower-case letters, digits, '-' and '.', at most 63)");
        }
    }

    private double fraction() {
        String text = maxPrune.trim().toLowerCase(Locale.ROOT);
        try {
            double value = text.endsWith("%")
                    ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100
                    : Double.parseDouble(text);
            if (value < 0 || value > 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "invalid --max-prune '" + maxPrune + "' (a percentage such as 25%, or a fraction such as 0.25)");
        }
    }
}
