package io.tenantctl.cli;

import picocli.CommandLine.Command;

/** The top-level command: shows help when called without a subcommand. */
@Command(
        name = "tenantctl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Declarative reconciler for directories (tenants), accounts, global administrators and"
                    + " subscription ownership. Write YAML manifests of what you want; tenantctl validates"
                    + " them, plans the ordered steps that get there (each with the account that must do it),"
                    + " and applies the plan atomically."
        },
        footer = {
            "",
            "Exit codes: 0 success, 1 error (nothing changed), 2 changes (plan --detailed-exitcode) or drift"
                    + " found, 3 conflict (stale plan or state locked), 4 apply waits for external actions (entra"
                    + " profile: --confirm ID), 64 usage error.",
            "",
            "Examples:",
            "  tenantctl validate -f manifests/",
            "  tenantctl plan -f manifests/ --out plan.json",
            "  tenantctl show plan.json",
            "  tenantctl apply plan.json",
            "  tenantctl get tenants",
        },
        subcommands = {
            ValidateCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            ShowCommand.class,
            GetCommand.class,
            HistoryCommand.class,
            DriftCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            GenerateCommand.class,
            StateCommand.class,
            ForceUnlockCommand.class,
            AgentCommand.class,
            StatusCommand.class,
            ApproveCommand.class,
            CompletionCommand.class,
        })
public final class TenantctlCommand extends CommandGroup {}
