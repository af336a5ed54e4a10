package io.tenantctl.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} for a subcommand. Only the top-level command has {@code --version}: a
 * subcommand given {@code -V} would print the version and ignore the rest of its line.
 */
public final class HelpOption {

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;
}
