package io.tenantctl.provider.azure;

import io.tenantctl.connect.Connections;
import io.tenantctl.connect.TenantConnection;
import io.tenantctl.provider.StepFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads every connected tenant, at most {@link Connections#parallelism()} at once. A tenant whose
 * token cannot be had is read as wholly unseen, never as empty.
 */
public final class Observer {

    private final Connections connections;
    private final AzureTenants tenants;

    public Observer(Connections connections, AzureTenants tenants) {
        this.connections = connections;
        this.tenants = tenants;
    }

    /** Every connected tenant, in name order. */
    public List<LiveTenant> readAll() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(connections.parallelism());
        try {
            List<Future<LiveTenant>> reads = new ArrayList<>();
            for (String name : connections.tenants().keySet()) {
                reads.add(pool.submit(() -> read(name)));
            }
            List<LiveTenant> out = new ArrayList<>();
            for (Future<LiveTenant> read : reads) {
                try {
                    out.add(read.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("reading a tenant failed unexpectedly", e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private LiveTenant read(String name) {
        try {
            Graph graph = tenants.graph(name);
            return new TenantReader(graph.connection(), graph.client()).read();
        } catch (StepFailure f) {
            return new LiveTenant(
                    name,
                    connections.tenant(name).map(TenantConnection::tenantId).orElse(""),
                    unseen(f),
                    unseen(f),
                    unseen(f),
                    unseen(f),
                    unseen(f),
                    unseen(f),
                    unseen(f),
                    unseen(f));
        }
    }

    private static <T> Part<T> unseen(StepFailure f) {
        return new Part.Unseen<>(f.getMessage(), f.code(), f.requestId());
    }
}
