package io.tenantctl.agent;

import io.tenantctl.agent.store.AgentStore;
import io.tenantctl.agent.store.Leadership;
import io.tenantctl.engine.Engine;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reconciler process: one {@link SourceWorker} thread per configured source, all stopped
 * together. What it needs from outside (the engine, the opened stores, the leadership, the clock)
 * is handed in, so that tests run it in-process exactly as {@code tenantctl agent} does.
 */
public final class Agent {

    /** How often a standby agent tries to take a source over. */
    public static final Duration STANDBY_RETRY = Duration.ofSeconds(2);

    private final Map<String, SourceWorker> workers = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AgentMetrics metrics;
    private final AgentLog log;
    private volatile boolean stopping;

    public Agent(
            AgentConfig config,
            Engine engine,
            StateStore store,
            AgentStore agentStore,
            Leadership leadership,
            AgentMetrics metrics,
            AgentLog log,
            Clock clock,
            LockHolder me) {
        this.metrics = metrics;
        this.log = log;
        GitFetcher fetcher = new GitFetcher(config.workDir());
        for (SourceConfig source : config.sources()) {
            Reconciler reconciler = new Reconciler(
                    source,
                    engine,
                    store,
                    agentStore,
                    fetcher,
                    metrics,
                    log,
                    clock,
                    config.lockTimeout(),
                    me,
                    () -> stopping);
            workers.put(
                    source.name(),
                    new SourceWorker(source, reconciler, leadership, metrics, log, clock, STANDBY_RETRY));
        }
    }

    public void start() {
        for (SourceWorker worker : workers.values()) {
            Thread thread = new Thread(worker, "source-" + worker.name());
            threads.add(thread);
            thread.start();
        }
    }

    public List<SourceWorker> workers() {
        return List.copyOf(workers.values());
    }

    public Optional<SourceWorker> worker(String name) {
        return Optional.ofNullable(workers.get(name));
    }

    /** Ready once every source has completed a cycle or said why it cannot. */
    public boolean ready() {
        return workers.values().stream().allMatch(SourceWorker::reported);
    }

    public boolean stopping() {
        return stopping;
    }

    public AgentMetrics metrics() {
        return metrics;
    }

    /**
     * Stops every loop and waits for each to finish its cycle: an apply that has begun commits, one
     * that has not yet begun never does.
     */
    public void stop() {
        stopping = true;
        workers.values().forEach(SourceWorker::stop);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.info("", "stopped");
    }
}
