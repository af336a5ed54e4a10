package io.tenantctl.generate;

import io.tenantctl.model.WorldObject;
import io.tenantctl.world.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated world and, where its shape needs one, its own layout of files.
 *
 * @param files each file's path (relative to the output folder) and its objects, in order; empty
 *              for the usual layout of one file per tenant, which {@code render.ManifestTree} makes
 */
public record ShapedWorld(World world, Optional<Map<String, List<WorldObject>>> files) {

    public ShapedWorld {
        files = files.map(f -> {
            Map<String, List<WorldObject>> copy = new LinkedHashMap<>();
            f.forEach((path, objects) -> copy.put(path, List.copyOf(objects)));
            return copy;
        });
    }

    static ShapedWorld byTenant(World world) {
        return new ShapedWorld(world, Optional.empty());
    }
}
