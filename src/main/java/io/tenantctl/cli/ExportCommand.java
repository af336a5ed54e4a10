package io.tenantctl.cli;

import io.tenantctl.render.ManifestTree;
import io.tenantctl.render.StateViews;
import io.tenantctl.state.Snapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenantctl export}: the live state as manifests, for adopting an existing state into git. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Write the live state as manifests: to standard output as one YAML stream, or with --out"
                + " as a folder of files, one per tenant (its work accounts and subscriptions with it) or one per"
                + " kind. Planning an export against the same state gives no changes.",
        footer = {
            "",
            "Examples:",
            "  tenantctl export > state.yaml",
            "  tenantctl export --out manifests/ --layout tenant",
            "  tenantctl export --out manifests/ && tenantctl plan -f manifests/ --detailed-exitcode",
        })
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Write files under this folder instead of to standard output.")
    Path out;

    @Option(
            names = "--layout",
            paramLabel = "LAYOUT",
            defaultValue = "tenant",
            description = "With --out: tenant (one file per tenant, default) or kind (one file per kind).")
    String layout;

    @Mixin
    StateOptions state;

    @Mixin
    OutputOptions output;

    private final Context context;

    ExportCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ManifestTree.Layout chosen = switch (layout.toLowerCase(Locale.ROOT)) {
            case "tenant" -> ManifestTree.Layout.TENANT;
            case "kind" -> ManifestTree.Layout.KIND;
            default ->
                throw new ParameterException(
                        spec.commandLine(), "invalid --layout '" + layout + "' (expected tenant or kind)");
        };
        return context.withStore(spec, output, state, store -> {
            Snapshot snapshot = store.read();
            PrintWriter stdout = spec.commandLine().getOut();
            if (out == null) {
                stdout.print(StateViews.objectsYaml(snapshot.world().objects()));
            } else {
                int files = ManifestFolder.write(out, ManifestTree.files(snapshot.world(), chosen));
                stdout.printf(
                        "Exported %d objects of revision %d in %d files to %s.%n",
                        snapshot.world().size(), snapshot.revision(), files, out);
            }
            stdout.flush();
            return ExitCodes.OK;
        });
    }
}
