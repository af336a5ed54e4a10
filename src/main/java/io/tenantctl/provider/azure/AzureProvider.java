package io.tenantctl.provider.azure;

import io.tenantctl.connect.Connections;
import io.tenantctl.provider.Observation;
import io.tenantctl.provider.Performer;
import io.tenantctl.provider.Provider;
import io.tenantctl.provider.azure.http.Sleeper;
import io.tenantctl.world.World;
import io.tenantctl.world.WorldView;
import java.util.Map;
import java.util.Optional;

/**
 * The live provider: the connected tenants, read through Microsoft Graph and Azure Resource
 * Manager, are the world a plan is made against (the {@code entra} profile's world).
 */
public final class AzureProvider implements Provider {

    public static final String NAME = "azure";

    /** The profile whose steps are today's (guests, role assignments, owners): the only one it works under. */
    public static final String PROFILE = "entra";

    private final Connections connections;
    private final AzureTenants tenants;

    public AzureProvider(Connections connections, AzureTenants tenants) {
        this.connections = connections;
        this.tenants = tenants;
    }

    /** The provider of these connections, its credentials reading their secrets from {@code environment}. */
    public static AzureProvider of(Connections connections, Map<String, String> environment) {
        return new AzureProvider(connections, new AzureTenants(connections, environment, Sleeper.REAL));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public Optional<Performer> performer() {
        return Optional.of(new AzurePerformer(tenants));
    }

    @Override
    public boolean worksUnder(String profile) {
        return PROFILE.equals(profile);
    }

    /** The connections it reaches. */
    public Connections connections() {
        return connections;
    }

    /** The tenants, for the performer that applies to them. */
    public AzureTenants tenants() {
        return tenants;
    }

    @Override
    public Observation observe(World stored, WorldView desired) {
        try {
            return LiveWorld.map(new Observer(connections, tenants).readAll(), stored, desired);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the connected tenants", e);
        }
    }
}
