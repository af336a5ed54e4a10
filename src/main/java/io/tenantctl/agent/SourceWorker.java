package io.tenantctl.agent;

import io.tenantctl.agent.store.Leadership;
import io.tenantctl.state.StateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loop of one source, on a thread of its own: lead the source (or stand by and try again every
 * few seconds), run a cycle, wait for the next one or for a trigger (webhook, approval on the page),
 * until told to stop. A stop never interrupts a cycle: the cycle sees it before it applies and
 * leaves the state alone, or finishes the apply it started.
 */
public final class SourceWorker implements Runnable {

    private final SourceConfig source;
    private final Reconciler reconciler;
    private final Leadership leadership;
    private final AgentMetrics metrics;
    private final AgentLog log;
    private final Clock clock;
    private final Duration standbyRetry;
    private final Object signal = new Object();
    private final AtomicLong cyclesStarted = new AtomicLong();
    private final AtomicLong triggers = new AtomicLong();
    private boolean triggered;
    private volatile boolean stopping;
    private volatile boolean leading;
    private volatile boolean reported;

    SourceWorker(
            SourceConfig source,
            Reconciler reconciler,
            Leadership leadership,
            AgentMetrics metrics,
            AgentLog log,
            Clock clock,
            Duration standbyRetry) {
        this.source = source;
        this.reconciler = reconciler;
        this.leadership = leadership;
        this.metrics = metrics;
        this.log = log;
        this.clock = clock;
        this.standbyRetry = standbyRetry;
    }

    @Override
    public void run() {
        boolean saidStandby = false;
        while (!stopping) {
            try {
                if (!leading) {
                    boolean won = leadership.tryLead(source.name());
                    metrics.leadAttempt(source.name(), won);
                    metrics.leader(source.name(), won);
                    if (!won) {
                        if (!saidStandby) {
                            log.info(source.name(), "another agent leads this source; standing by");
                            saidStandby = true;
                        }
                        reported = true;
                        await(clock.instant().plus(standbyRetry));
                        continue;
                    }
                    reconciler.lead();
                    leading = true;
                    saidStandby = false;
                    log.info(source.name(), "leading this source");
                } else if (!leadership.leads(source.name())) {
                    leading = false;
                    metrics.leader(source.name(), false);
                    log.warn(source.name(), "lost the lead (the connection holding it broke)");
                    continue;
                }
            } catch (StateException e) {
                log.error(source.name(), "cannot lead: " + e.getMessage());
                reported = true;
                await(clock.instant().plus(standbyRetry));
                continue;
            }
            cyclesStarted.incrementAndGet();
            Reconciler.Report report = reconciler.cycle();
            reported = true;
            if (report.outcome() != Outcome.STALE) {
                await(report.next());
            }
        }
        leadership.release(source.name());
        metrics.leader(source.name(), false);
    }

    /** Waits until {@code until}, a trigger, or a stop. */
    private void await(Instant until) {
        synchronized (signal) {
            while (!triggered && !stopping) {
                long millis = Duration.between(clock.instant(), until).toMillis();
                if (millis <= 0) {
                    break;
                }
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
            triggered = false;
        }
    }

    /** Runs a cycle at once (after the one running, if any). */
    public void trigger() {
        triggers.incrementAndGet();
        synchronized (signal) {
            triggered = true;
            signal.notifyAll();
        }
    }

    /** Asks the loop to end after its current cycle. */
    public void stop() {
        stopping = true;
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    public boolean stopping() {
        return stopping;
    }

    public String name() {
        return source.name();
    }

    public SourceConfig source() {
        return source;
    }

    /** Whether this agent leads the source now. */
    public boolean leading() {
        return leading;
    }

    /** Whether the source has completed a cycle, or said why it cannot (standing by, state down). */
    public boolean reported() {
        return reported;
    }

    /** How many cycles this agent has started for the source. */
    public long cyclesStarted() {
        return cyclesStarted.get();
    }

    /** How many triggers (webhook, page, API) it has received. */
    public long triggers() {
        return triggers.get();
    }
}
