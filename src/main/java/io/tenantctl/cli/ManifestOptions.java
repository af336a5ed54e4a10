package io.tenantctl.cli;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.engine.Manifests;
import io.tenantctl.engine.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code -f PATH...}: where the manifests are; with {@code --git-ref}, inside a commit. */
public final class ManifestOptions {

    /** The options of this mixin, for a command that refuses them in some combination. */
    static final String[] NAMES = {"--git-ref", "--repo", "--allow-empty"};

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = {"-f", "--filename"},
            paramLabel = "PATH",
            description = "A manifest file, a directory (searched recursively for .yaml, .yml and .json),"
                    + " or - for standard input. Repeatable.")
    List<String> paths = new ArrayList<>();

    @Option(
            names = "--git-ref",
            paramLabel = "REF",
            description = "Read the -f paths from this commit (branch, tag, commit id, HEAD~1, ...) of the git"
                    + " repository, without a checkout: the working tree and uncommitted edits are ignored, and the"
                    + " commit id is recorded in the plan and the history. Paths are relative to the current"
                    + " directory (or to --repo), as in git.")
    String gitRef;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "With --git-ref: the repository, or a folder inside it the -f paths are relative to"
                    + " (default: the current directory).")
    Path repo;

    @Option(
            names = "--allow-empty",
            description = "Accept manifests that declare no object (otherwise an error: a mistyped or emptied"
                    + " folder would plan to manage nothing).")
    boolean allowEmpty;

    boolean given() {
        return !paths.isEmpty();
    }

    /** The manifests, for a command that cannot run without them: a usage error (exit 64) when no -f was given. */
    Manifests required(CommandSpec spec) {
        if (!given()) {
            throw Usage.error(spec, "Missing required option: '--filename=PATH'");
        }
        return manifests();
    }

    /** The manifests -f names; a usage error for --repo without --git-ref, or - with it. */
    Manifests manifests() {
        Usage.requires(mixee, "--repo", "--git-ref");
        if (gitRef != null && paths.contains("-")) {
            throw Usage.error(mixee, "-f - (standard input) cannot be read from a git commit; name files or folders");
        }
        return new Manifests(paths, Optional.ofNullable(gitRef), Optional.ofNullable(repo), allowEmpty);
    }

    /**
     * A path that does not exist is a usage error (exit 64), like an unknown option: stops the
     * command with every such path named.
     */
    static void refuseMissing(CommandSpec spec, Validation validation) {
        List<String> missing = new ArrayList<>();
        for (Diagnostic d : validation.diagnostics()) {
            if (d.code().equals(Codes.NO_SUCH_FILE)) {
                missing.add(d.message());
            }
        }
        if (!missing.isEmpty()) {
            throw Usage.error(spec, String.join("; ", missing));
        }
    }
}
