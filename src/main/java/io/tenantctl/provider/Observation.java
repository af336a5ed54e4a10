package io.tenantctl.provider;

import io.tenantctl.world.World;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a provider saw: the world, what it could not see (a read that failed makes its objects
 * unknown, never absent: a plan refuses to change them), what it saw and does not manage (shown
 * and counted, never changed), and the directory ids it read, by tenant name (sorted).
 */
public record Observation(World world, List<Unseen> unseen, List<String> unmanaged, Map<String, String> tenantIds) {

    public Observation {
        unseen = List.copyOf(unseen);
        unmanaged = List.copyOf(unmanaged);
        tenantIds = Collections.unmodifiableSortedMap(new TreeMap<>(tenantIds));
    }

    /** Everything seen: the record provider's observation of the store. */
    public static Observation complete(World world) {
        return new Observation(world, List.of(), List.of(), Map.of());
    }

    /**
     * Objects a read could not see: in the world they are as the state last knew them (or absent
     * if it never knew them), and no plan may change them.
     *
     * @param kind   the manifest kind concerned ({@code Tenant}, {@code Account}, {@code Subscription})
     * @param tenant the tenant they belong to: the tenant itself, the accounts homed on its domains,
     *               the subscriptions that trust it
     * @param why    the failed request, with the service's error code and request id
     */
    public record Unseen(String kind, String tenant, String why) {

        /**
         * The kind of what is status only, in no manifest: who holds elevated access (User Access
         * Administrator at the root scope), which many tokens may not read.
         */
        public static final String ELEVATED_ACCESS = "elevated access";

        /** The objects concerned, as a plan names them: {@code Tenant/contoso}, {@code Account/* of Tenant/contoso}. */
        public String what() {
            if (status()) {
                return kind + " in Tenant/" + tenant;
            }
            return kind.equals("Tenant") ? "Tenant/" + tenant : kind + "/* of Tenant/" + tenant;
        }

        /** Whether what could not be seen is status that no manifest declares, so no manifest lacks it. */
        public boolean status() {
            return kind.equals(ELEVATED_ACCESS);
        }
    }
}
