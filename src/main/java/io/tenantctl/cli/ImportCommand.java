package io.tenantctl.cli;

import io.tenantctl.connect.Connections;
import io.tenantctl.connect.ConnectionsReader;
import io.tenantctl.connect.TenantConnection;
import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.provider.Observation;
import io.tenantctl.provider.azure.AzureProvider;
import io.tenantctl.render.ManifestTree;
import io.tenantctl.render.Style;
import io.tenantctl.world.World;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenantctl import}: the connected tenants as they are, as entra manifests, to start a repository from. */
@Command(
        name = "import",
        sortOptions = false,
        description = "Read the connected tenants through Microsoft Graph and Azure Resource Manager (read only) and"
                + " write them as manifests of the entra profile: one file per tenant (its work accounts and"
                + " subscriptions with it) or one per kind. Planning them right away (plan --profile entra"
                + " --provider azure) gives no changes. Groups, service principals, inherited owners and"
                + " eligible (PIM) administrators are shown and not written: tenantctl does not manage them.",
        footer = {
            "",
            "Exit codes: 0 imported, 1 error (a read failed: nothing is written; a folder that holds files),"
                    + " 64 usage error.",
            "",
            "Examples:",
            "  tenantctl import --connections connections.yaml --out manifests/",
            "  tenantctl import --connections connections.yaml --tenant contoso --out contoso/",
        })
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(
            names = "--connections",
            paramLabel = "FILE",
            description = "The connected tenants (YAML: tenant name, tenant id, credential kind, endpoints); also:"
                    + " TENANTCTL_CONNECTIONS. See docs/provider.md.")
    Path connections;

    @Option(names = "--tenant", paramLabel = "NAME", description = "Only this connected tenant (default: every one).")
    String tenant;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            required = true,
            description = "The folder to write the manifests under; it must be empty or new, unless --force.")
    Path out;

    @Option(
            names = "--layout",
            paramLabel = "LAYOUT",
            description = "tenant (one file per tenant, the default) or kind (one file per kind).")
    String layout;

    @Option(
            names = "--force",
            description = "Replace the manifest files (.yaml, .yml, .json) the folder already holds; other files are"
                    + " left alone.")
    boolean force;

    @Mixin
    ColorOption color;

    private final Context context;

    ImportCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ManifestTree.Layout chosen = switch (layout == null ? "tenant" : layout.toLowerCase(Locale.ROOT)) {
            case "tenant" -> ManifestTree.Layout.TENANT;
            case "kind" -> ManifestTree.Layout.KIND;
            default -> throw Usage.error(spec, "invalid --layout '" + layout + "' (expected tenant or kind)");
        };
        Environment env = context.environment();
        Style style = color.style(env);
        Path file = connections != null
                ? connections
                : Optional.of(env.variable("TENANTCTL_CONNECTIONS"))
                        .filter(v -> !v.isBlank())
                        .map(Path::of)
                        .orElseThrow(() -> Usage.error(
                                spec,
                                "import needs --connections FILE (or TENANTCTL_CONNECTIONS): the tenants to read"));
        ConnectionsReader.Result read = ProviderOptions.read(spec, file);
        if (read.connections().isEmpty()) {
            context.diagnostics(spec, style, read.diagnostics());
            return ExitCodes.ERROR;
        }
        Connections all = read.connections().get();
        Connections chosenTenants = all;
        if (tenant != null) {
            Optional<TenantConnection> one = all.tenant(tenant);
            if (one.isEmpty()) {
                throw Usage.error(
                        spec,
                        "no tenant " + tenant + " in " + all.file() + "; it connects: "
                                + String.join(", ", all.tenants().keySet())
                                + Suggestions.didYouMean(tenant, all.tenants().keySet()));
            }
            chosenTenants = new Connections(all.file(), all.parallelism(), Map.of(tenant, one.get()));
        }
        Observation seen = AzureProvider.of(chosenTenants, env.variables()).observe(World.empty(), World.empty());
        List<Diagnostic> notes = new ArrayList<>();
        seen.unmanaged().forEach(n -> notes.add(Diagnostic.warning(Codes.UNMANAGED, n, Location.NONE)));
        // Status no manifest declares (elevated access) is not written, so not seeing it loses nothing.
        List<Observation.Unseen> unseen =
                seen.unseen().stream().filter(u -> !u.status()).toList();
        unseen.forEach(u -> notes.add(Diagnostic.error(
                Codes.UNSEEN,
                u.what() + " could not be read (" + u.why() + "); nothing was written: manifests without"
                        + " them would declare less than exists",
                Location.NONE)));
        context.diagnostics(spec, style, notes);
        if (!unseen.isEmpty()) {
            return ExitCodes.ERROR;
        }
        return context.guarded(spec, style, () -> {
            ManifestFolder.Written written = ManifestFolder.write(out, ManifestTree.files(seen.world(), chosen), force);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(
                    "Imported %d objects of %d tenants (%s) in %d files to %s%s.%n",
                    seen.world().size(),
                    seen.tenantIds().size(),
                    String.join(", ", seen.tenantIds().keySet()),
                    written.files(),
                    out,
                    written.replaced() > 0 ? ", replacing " + written.replaced() + " manifest files" : "");
            stdout.flush();
            return ExitCodes.OK;
        });
    }
}
