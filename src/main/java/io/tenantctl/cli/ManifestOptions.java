package io.tenantctl.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -f PATH...}: where the manifests are. */
public final class ManifestOptions {

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
            description = "A manifest file, a directory (searched recursively for .yaml, .yml and .json),"
                    + " or - for standard input. Repeatable.")
    List<String> paths = new ArrayList<>();

    boolean given() {
        return !paths.isEmpty();
    }
}
