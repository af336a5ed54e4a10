package io.tenantctl.provider.azure;

import io.tenantctl.connect.Connections;
import io.tenantctl.connect.IdentityTokens;
import io.tenantctl.connect.TenantConnection;
import io.tenantctl.connect.Tls;
import io.tenantctl.connect.TokenSource;
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
import java.util.function.Function;

/**
 * The connected tenants, each with its HTTP client and tokens made the first time a step reaches
 * it (a credential is never built for a tenant that nothing asks for).
 */
public final class AzureTenants {

    /** The code of the failure to reach a tenant the connections file does not name. */
    static final String NO_CONNECTION = "no-connection";

    private final Connections connections;
    private final Function<TenantConnection, TokenSource> tokens;
    private final Sleeper sleeper;
    private final Map<String, Graph> graphs = new HashMap<>();

    /**
     * @param environment where credentials read their secrets (the process's environment)
     * @param sleeper     how waits are spent (throttling, replication); tests record them instead
     */
    public AzureTenants(Connections connections, Map<String, String> environment, Sleeper sleeper) {
        this(connections, sleeper, c -> new IdentityTokens(c, Map.copyOf(environment)));
    }

    /**
     * @param tokens how a connection's tokens are had: {@code azure-identity}, or in tests a person's
     *               token that no local {@code az} could give
     */
    AzureTenants(Connections connections, Sleeper sleeper, Function<TenantConnection, TokenSource> tokens) {
        this.connections = connections;
        this.sleeper = sleeper;
        this.tokens = tokens;
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
                        NO_CONNECTION,
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
        RestClient client = new RestClient(http, tokens.apply(connection), Retry.DEFAULT, sleeper, "tenantctl");
        graph = new Graph(connection, client);
        graphs.put(tenant, graph);
        return graph;
    }
}
