package io.tenantctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tenantctl state}: operations on the state store as a whole. */
@Command(name = "state",
        mixinStandardHelpOptions = true,
        description = "Operations on a state store as a whole.",
        footer = {
            "",
            "Examples:",
            "  tenantctl state copy --from sqlite:.tenantctl/state.db --to postgresql://tenantctl@db:5432/tenantctl",
        },
        subcommands = {StateCopyCommand.class})
final class StateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
