package io.tenantctl.cli;

import io.tenantctl.engine.Manifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code -f PATH...}: where the manifests are; with {@code --git-ref}, inside a commit. */
public final class ManifestOptions {

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
                    + " commit id is recorded in the plan and the history. Paths are relative to the top of the"
                    + " repository.")
    String gitRef;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "The git repository for --git-ref (default: the one containing the current directory).")
    Path repo;

    boolean given() {
        return !paths.isEmpty();
    }

    Manifests manifests() {
        return new Manifests(paths, Optional.ofNullable(gitRef), Optional.ofNullable(repo));
    }

    /** The manifests, for a command that cannot run without them: a usage error (exit 64) when no -f was given. */
    Manifests required(CommandSpec spec) {
        if (!given()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--filename=PATH'");
        }
        return manifests();
    }
}
