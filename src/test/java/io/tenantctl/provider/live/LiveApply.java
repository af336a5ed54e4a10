package io.tenantctl.provider.live;

import io.tenantctl.apply.Applier;
import io.tenantctl.apply.ApplyResult;
import io.tenantctl.apply.LiveApplier;
import io.tenantctl.connect.Connections;
import io.tenantctl.connect.ConnectionsReader;
import io.tenantctl.plan.PlanDocument;
import io.tenantctl.plan.PlanReader;
import io.tenantctl.profile.classic.ClassicProfile;
import io.tenantctl.provider.azure.AzurePerformer;
import io.tenantctl.provider.azure.AzureTenants;
import io.tenantctl.provider.azure.http.Sleeper;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.StateStore;
import io.tenantctl.state.jdbc.JdbcStateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Applies a saved plan through the azure performer, journaled: what {@code apply PLANFILE
 * --provider azure} will run once the entra profile plans live steps. Its {@link #main} is the
 * process the crash test kills.
 */
public final class LiveApply {

    private LiveApply() {}

    public static ApplyResult run(
            String state, Path planFile, Path connectionsFile, Map<String, String> env, Sleeper sleeper)
            throws Exception {
        String text = Files.readString(planFile, StandardCharsets.UTF_8);
        PlanDocument document = PlanReader.read(text);
        Connections connections = ConnectionsReader.read(
                        connectionsFile, connectionsFile.toString(), Files.readAllBytes(connectionsFile))
                .connections()
                .orElseThrow();
        AzurePerformer performer = new AzurePerformer(new AzureTenants(connections, env, sleeper));
        try (StateStore store = JdbcStateStore.open(state, Clock.systemUTC(), () -> "unused", Duration.ofSeconds(30))) {
            Applier.Request request = new Applier.Request(
                    Duration.ofSeconds(30),
                    LockHolder.thisProcess("live-test", Clock.systemUTC().instant()),
                    p -> true,
                    false);
            return new LiveApplier(new ClassicProfile(), Clock.systemUTC())
                    .applySaved(store, performer, document, text, request);
        }
    }

    /** {@code STATE PLANFILE CONNECTIONS}: prints the outcome; replication and throttling waits are skipped. */
    public static void main(String[] args) throws Exception {
        ApplyResult result = run(args[0], Path.of(args[1]), Path.of(args[2]), System.getenv(), d -> {});
        System.out.println(result.outcome());
    }
}
