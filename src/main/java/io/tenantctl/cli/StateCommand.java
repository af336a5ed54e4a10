package io.tenantctl.cli;

import picocli.CommandLine.Command;

/** {@code tenantctl state}: operations on the state store as a whole. */
@Command(
        name = "state",
        mixinStandardHelpOptions = true,
        description = "Operations on a state store as a whole.",
        footer = {
            "",
            "Examples:",
            "  tenantctl state copy --from sqlite:.tenantctl/state.db --to postgresql://tenantctl@db:5432/tenantctl",
        },
        subcommands = {StateCopyCommand.class})
final class StateCommand extends CommandGroup {}
