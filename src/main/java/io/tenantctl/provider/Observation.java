package io.tenantctl.provider;

import io.tenantctl.world.World;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a provider saw: the world, what it could not see (a read that failed makes its objects
 * unknown, never absent: a plan refuses to change them), and the directory ids it read, by tenant
 * name, which plans record.
 */
public record Observation(World world, List<Unseen> unseen, Map<String, String> tenantIds) {

    public Observation {
        unseen = List.copyOf(unseen);
        tenantIds = Map.copyOf(new TreeMap<>(tenantIds));
    }

    /** Everything seen: the record provider's observation of the store. */
    public static Observation complete(World world) {
        return new Observation(world, List.of(), Map.of());
    }

    /**
     * Something a read could not see.
     *
     * @param what the objects concerned, as a plan names them ({@code Tenant/contoso},
     *             {@code Subscription/* of Tenant/contoso})
     * @param why  the failed request, with the service's error code and request id
     */
    public record Unseen(String what, String why) {}
}
