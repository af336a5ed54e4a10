package io.tenantctl.provider.azure;

import io.tenantctl.connect.Connections;
import io.tenantctl.connect.IdentityTokens;
import io.tenantctl.connect.TenantConnection;
import io.tenantctl.connect.Tls;
import io.tenantctl.provider.StepFailure;
import io.tenantctl.provider.azure.http.RestClient;
import io.tenantctl.provider.azure.http.Retry;
import io.tenantctl.provider.azure.http.Sleeper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connected tenants, each with its HTTP client and tokens made the first time a step reaches
 * it (a credential is never built for a tenant that nothing asks for).
 */
public final class AzureTenants {

    private final Connections connections;
    private final Map<String, String> environment;
    private final Sleeper sleeper;
    private final Map<String, Graph> graphs = new HashMap<>();

    /**
     * @param environment where credentials read their secrets (the process's environment)
     * @param sleeper     how waits are spent (throttling, replication); tests record them instead
     */
    public AzureTenants(Connections connections, Map<String, String> environment, Sleeper sleeper) {
        this.connections = connections;
        this.environment = Map.copyOf(environment);
        this.sleeper = sleeper;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /** The Graph of the tenant a manifest names; a tenant with no connection is a failure of the step. */
    synchronized Graph graph(String tenant) throws StepFailure {
        Graph graph = graphs.get(tenant);
        if (graph != null) {
            return graph;
        }
        TenantConnection connection = connections
                .tenant(tenant)
                .orElseThrow(() -> new StepFailure(
                        "Tenant/" + tenant + " has no connection in " + connections.file(),
                        "no-connection",
                        Optional.empty(),
                        List.of()));
        HttpClient http;
        try {
            http = HttpClient.newBuilder()
                    .sslContext(Tls.context(connection.endpoints().caFile()))
                    .connectTimeout(Duration.ofSeconds(30))
                    .build();
        } catch (IOException e) {
            throw new StepFailure(
                    "cannot set up TLS for Tenant/" + tenant + ": " + e.getMessage(),
                    "tls",
                    Optional.empty(),
                    List.of());
        }
        RestClient client =
                new RestClient(http, new IdentityTokens(connection, environment), Retry.DEFAULT, sleeper, "tenantctl");
        graph = new Graph(connection, client);
        graphs.put(tenant, graph);
        return graph;
    }
}
