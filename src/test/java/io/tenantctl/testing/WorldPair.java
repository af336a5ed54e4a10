package io.tenantctl.testing;

import io.tenantctl.cli.ManifestFolder;
import io.tenantctl.generate.WorldGenerator;
import io.tenantctl.generate.WorldMutator;
import io.tenantctl.render.ManifestTree;
import io.tenantctl.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A generated world and a mutation of it, each written as a manifest tree ({@code dir/a} and
 * {@code dir/b}): the before and after of the process-level tests that kill or starve an apply
 * going from one to the other.
 */
public record WorldPair(World a, World b, Path manifestsA, Path manifestsB) {

    public static WorldPair write(Path dir, long seed, int objects, double changed) {
        World a = new WorldGenerator(seed).generate(objects);
        World b = new WorldMutator(seed + 1).mutate(a, changed);
        Path pa = dir.resolve("a");
        Path pb = dir.resolve("b");
        tree(a, pa);
        tree(b, pb);
        return new WorldPair(a, b, pa, pb);
    }

    /** Writes a world as {@code generate} would, one file per tenant, under {@code dir}. */
    public static void tree(World world, Path dir) {
        try {
            ManifestFolder.write(dir, ManifestTree.files(world));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
