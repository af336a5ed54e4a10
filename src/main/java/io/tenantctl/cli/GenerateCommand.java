package io.tenantctl.cli;

import io.tenantctl.generate.EntraWorlds;
import io.tenantctl.generate.Shape;
import io.tenantctl.generate.ShapedWorld;
import io.tenantctl.generate.WorldMutator;
import io.tenantctl.profile.Profiles;
import io.tenantctl.render.ManifestTree;
import io.tenantctl.world.World;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenantctl generate}: realistic manifest trees for benchmarks and experiments. */
@Command(
        name = "generate",
        sortOptions = false,
        description = {
            "Write a realistic, valid manifest tree of about N objects: tenants with custom domains and 2 to 4"
                    + " global administrators, work and Microsoft accounts, Azure and Office 365 subscriptions"
                    + " with service administrators and up to 20 co-administrators, one file per tenant.",
            "The same --objects and --seed always give the same tree; --changes F derives from it a second"
                    + " tree with about that fraction of objects changed (renames, administrators added and"
                    + " removed, subscriptions moved between tenants, objects added and deleted): there a tenant"
                    + " may have 1 global administrator, or more than 4.",
            "--shape picks another shape for benchmarks: few-large-files (8 objects per tenant in 50 files, 2,000"
                    + " objects each at 100,000) or huge-tenant (half the objects are one tenant's accounts, with"
                    + " subscriptions of 200 co-administrators)."
        },
        footer = {
            "",
            "Exit codes: 0 written, 1 the folder holds files (without --force) or cannot be written, 64 usage"
                    + " error.",
            "",
            "Examples:",
            "  tenantctl generate --objects 10000 --out /tmp/world",
            "  tenantctl generate --objects 10000 --changes 0.01 --out /tmp/world-1pct",
            "  tenantctl generate --objects 100000 --shape few-large-files --out /tmp/large",
            "  tenantctl apply -f /tmp/world --auto-approve && tenantctl plan -f /tmp/world-1pct --prune",
        })
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOption profile;

    @Mixin
    HelpOption help;

    @Option(names = "--objects", paramLabel = "N", required = true, description = "About how many objects.")
    int objects;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--changes",
            paramLabel = "F",
            defaultValue = "0",
            description = "Fraction of objects to change, from 0 to 1 (default ${DEFAULT-VALUE}: the base tree).")
    double changes;

    @Option(
            names = "--shape",
            paramLabel = "SHAPE",
            defaultValue = "many-small-files",
            description = "many-small-files (default), few-large-files or huge-tenant.")
    String shape;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            required = true,
            description = "Folder to write (created); it must be empty or new, unless --force.")
    Path out;

    @Option(
            names = "--force",
            description = "Replace the manifest files (.yaml, .yml, .json) the folder already holds; other files"
                    + " are left alone.")
    boolean force;

    @Mixin
    ColorOption color;

    private final Context context;

    GenerateCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (objects < 1 || objects > 10_000_000) {
            throw new ParameterException(spec.commandLine(), "--objects must be between 1 and 10000000");
        }
        if (changes < 0 || changes > 1) {
            throw new ParameterException(spec.commandLine(), "--changes must be between 0 and 1");
        }
        Shape chosen = Shape.ofOption(shape);
        if (chosen == null) {
            throw new ParameterException(
                    spec.commandLine(), "--shape must be many-small-files, few-large-files or huge-tenant");
        }
        if (chosen != Shape.MANY_SMALL_FILES && !context.profile().name().equals(Profiles.DEFAULT)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--shape " + shape + " writes classic worlds; with --profile entra use the default shape");
        }
        if (changes > 0 && chosen != Shape.MANY_SMALL_FILES) {
            throw new ParameterException(spec.commandLine(), "--changes is only for the shape many-small-files");
        }
        ShapedWorld shaped = chosen.generate(seed, objects, context.profile().limits());
        World world = shaped.world();
        if (changes > 0) {
            world = new WorldMutator(seed + 1, context.profile().limits()).mutate(world, changes);
        }
        // The generator makes worlds of the classic era; another era's are those converted the way
        // Microsoft converted them (owners for administrators, guests for outsiders).
        boolean classic = context.profile().name().equals(Profiles.DEFAULT);
        World written = classic ? world : EntraWorlds.of(world);
        List<ManifestTree.File> layout = shaped.files()
                .filter(files -> classic)
                .map(files -> files.entrySet().stream()
                        .map(e -> new ManifestTree.File(e.getKey(), e.getValue()))
                        .toList())
                .orElseGet(() -> ManifestTree.files(written));
        return context.guarded(spec, color.style(context.environment()), () -> {
            ManifestFolder.Written files = ManifestFolder.write(out, layout, force);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Wrote %d objects (%d tenants, %d accounts, %d subscriptions) in %d files to %s%s.%n",
                            written.size(),
                            written.tenants().size(),
                            written.accounts().size(),
                            written.subscriptions().size(),
                            files.files(),
                            out,
                            files.replaced() > 0 ? ", replacing " + files.replaced() + " manifest files" : "");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        });
    }
}
