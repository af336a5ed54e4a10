package io.tenantctl.agent.http;

import io.tenantctl.agent.Agent;
import io.tenantctl.agent.AgentConfig;
import io.tenantctl.agent.AgentLog;
import io.tenantctl.agent.AgentMetrics;
import io.tenantctl.agent.store.AgentStore;
import io.tenantctl.agent.store.Leadership;
import io.tenantctl.engine.Engine;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The agent and its HTTP server, started and stopped together: what {@code tenantctl agent} runs,
 * and what the tests run in-process.
 */
public final class AgentRuntime implements AutoCloseable {

    private final Agent agent;
    private final AgentServer server;
    private final Leadership leadership;
    private final StateStore store;
    private final AgentStore agentStore;
    private boolean closed;

    private AgentRuntime(
            Agent agent, AgentServer server, Leadership leadership, StateStore store, AgentStore agentStore) {
        this.agent = agent;
        this.server = server;
        this.leadership = leadership;
        this.store = store;
        this.agentStore = agentStore;
    }

    /** The secrets the configuration names, read from the environment. */
    public record Secrets(Optional<byte[]> webhook, Optional<String> apiToken) {}

    /**
     * Opens the state (creating or upgrading it), takes the lead where the state allows only one
     * agent, binds the port, and starts a loop per source.
     *
     * @throws io.tenantctl.agent.store.AgentLockedException when another agent leads a SQLite state
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static AgentRuntime start(
            AgentConfig config, String stateUrl, Secrets secrets, Engine engine, Clock clock, AgentLog log) {
        StateStore store = engine.openStore(stateUrl, config.lockTimeout());
        AgentStore agentStore = AgentStore.of(stateUrl);
        LockHolder me = LockHolder.thisProcess(System.getProperty("user.name", "agent"), clock.instant());
        Leadership leadership;
        try {
            leadership = Leadership.of(stateUrl, me.describe());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        AgentMetrics metrics = new AgentMetrics();
        Agent agent = new Agent(config, engine, store, agentStore, leadership, metrics, log, clock, me);
        AgentServer server =
                new AgentServer(agent, agentStore, metrics, secrets.webhook(), secrets.apiToken(), clock, log);
        try {
            server.start(config.listenHost(), config.listenPort());
        } catch (IOException e) {
            leadership.close();
            store.close();
            throw new UncheckedIOException(
                    "cannot listen on " + config.listenHost() + ":" + config.listenPort() + ": " + e.getMessage(), e);
        }
        log.info(
                "",
                "listening on http://" + hostForUrl(config.listenHost()) + ":" + server.port() + " with "
                        + config.sources().size() + " sources; state " + store.location() + "; "
                        + (secrets.webhook().isPresent() ? "webhook on" : "webhook off") + ", "
                        + (secrets.apiToken().isPresent() ? "API token set" : "no API token"));
        agent.start();
        return new AgentRuntime(agent, server, leadership, store, agentStore);
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    public Agent agent() {
        return agent;
    }

    public AgentStore agentStore() {
        return agentStore;
    }

    public int port() {
        return server.port();
    }

    /** Stops the loops (each finishes its cycle), then the server, then lets go of the lead. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        agent.stop();
        server.stop();
        leadership.close();
        store.close();
    }
}
