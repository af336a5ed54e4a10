package io.tenantctl.cli;

import io.tenantctl.model.WorldObject;
import io.tenantctl.render.ManifestTree;
import io.tenantctl.render.StateViews;
import io.tenantctl.render.Style;
import io.tenantctl.state.Ownership;
import io.tenantctl.state.Snapshot;
import io.tenantctl.world.World;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenantctl export}: the state as manifests, for adopting an existing state into git. */
@Command(
        name = "export",
        sortOptions = false,
        description = "Write the state as manifests: to standard output as one YAML stream, or with --out as a"
                + " folder of files, one per tenant (its work accounts and subscriptions with it) or one per"
                + " kind. Planning an export against the same state, as the applyset that owns its objects,"
                + " gives no changes; when several applysets own objects, export each with --applyset.",
        footer = {
            "",
            "Exit codes: 0 exported, 1 error (no state at the URL, a folder that holds files), 64 usage error.",
            "",
            "Examples:",
            "  tenantctl export > state.yaml",
            "  tenantctl export --out manifests/ --layout kind",
            "  tenantctl export --applyset platform --out platform/ --force",
            "  tenantctl export --out manifests/ && tenantctl plan -f manifests/ --detailed-exitcode",
        })
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Write files under this folder instead of to standard output; the folder must be"
                    + " empty or new, unless --force.")
    Path out;

    @Option(
            names = "--layout",
            paramLabel = "LAYOUT",
            description = "With --out: tenant (one file per tenant, the default) or kind (one file per kind).")
    String layout;

    @Option(
            names = "--force",
            description = "With --out: replace the manifest files (.yaml, .yml, .json) the folder already holds;"
                    + " other files are left alone.")
    boolean force;

    @Option(
            names = "--applyset",
            paramLabel = "NAME",
            description = "Only the objects this applyset owns (default: every object).")
    String applyset;

    @Mixin
    StateOptions state;

    @Mixin
    ProfileOption profile;

    @Mixin
    ColorOption color;

    private final Context context;

    ExportCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Usage.requires(spec, "--layout", "--out");
        Usage.requires(spec, "--force", "--out");
        ManifestTree.Layout chosen = switch (layout == null ? "tenant" : layout.toLowerCase(Locale.ROOT)) {
            case "tenant" -> ManifestTree.Layout.TENANT;
            case "kind" -> ManifestTree.Layout.KIND;
            default -> throw Usage.error(spec, "invalid --layout '" + layout + "' (expected tenant or kind)");
        };
        if (applyset != null) {
            ApplysetOptions.checkName(spec, applyset);
        }
        Style style = color.style(context.environment());
        return context.withExistingStore(spec, style, state, store -> {
            Snapshot snapshot = store.read();
            World world = snapshot.world();
            if (applyset != null) {
                Optional<Integer> unknown = context.refuseUnknownApplyset(spec, style, store, applyset);
                if (unknown.isPresent()) {
                    return unknown.get();
                }
                List<WorldObject> owned = world.objects().stream()
                        .filter(o -> snapshot.ownership(o.ref())
                                .map(Ownership::applyset)
                                .filter(applyset::equals)
                                .isPresent())
                        .toList();
                world = World.of(owned);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            if (out == null) {
                stdout.print(StateViews.objectsYaml(world.objects()));
            } else {
                ManifestFolder.Written written = ManifestFolder.write(out, ManifestTree.files(world, chosen), force);
                stdout.printf(
                        "Exported %d objects of revision %d in %d files to %s%s.%n",
                        world.size(),
                        snapshot.revision(),
                        written.files(),
                        out,
                        written.replaced() > 0 ? ", replacing " + written.replaced() + " manifest files" : "");
            }
            stdout.flush();
            return ExitCodes.OK;
        });
    }
}
