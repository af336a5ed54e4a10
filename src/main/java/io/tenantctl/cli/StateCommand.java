package io.tenantctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tenantctl state}: the state store's objects one by one, and the store as a whole. */
@Command(
        name = "state",
        description = "Look at the state's objects one by one, or copy a whole state between stores.",
        footer = {
            "",
            "Examples:",
            "  tenantctl state list",
            "  tenantctl state show Tenant/contoso",
            "  tenantctl state copy --from sqlite:.tenantctl/state.db --to postgresql://tenantctl@db:5432/tenantctl",
        },
        subcommands = {StateListCommand.class, StateShowCommand.class, StateCopyCommand.class})
final class StateCommand extends CommandGroup {

    @Mixin
    HelpOption help;
}
