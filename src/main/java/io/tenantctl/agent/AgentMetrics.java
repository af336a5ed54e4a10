package io.tenantctl.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tenantctl.agent.status.Condition;
import io.tenantctl.agent.status.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's metrics, in a Micrometer Prometheus registry that {@code /metrics} scrapes. Names
 * and labels are listed in docs/agent.md; every series has a {@code source} label but the webhook's.
 */
public final class AgentMetrics {

    private static final Duration[] CYCLE_BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(300)
    };
    private static final double[] STEP_BUCKETS = {1, 5, 10, 50, 100, 500, 1_000, 5_000, 10_000, 100_000};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    /** One finished cycle: its outcome and how long it took. */
    public void cycle(String source, String outcome, Duration took) {
        Counter.builder("tenantctl.agent.cycles")
                .description("Cycles run, by outcome")
                .tags("source", source, "outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("tenantctl.agent.cycle.duration")
                .description("How long a cycle took: fetch, and when something moved, plan and apply")
                .tags("source", source)
                .serviceLevelObjectives(CYCLE_BUCKETS)
                .register(registry)
                .record(took);
    }

    /** The size of a plan a cycle made. */
    public void planned(String source, int steps) {
        DistributionSummary.builder("tenantctl.agent.plan.steps")
                .description("Steps in each plan the agent made")
                .tags("source", source)
                .serviceLevelObjectives(STEP_BUCKETS)
                .register(registry)
                .record(steps);
    }

    /** Steps applied, by class. */
    public void applied(String source, Map<String, Integer> classes) {
        classes.forEach((stepClass, count) -> Counter.builder("tenantctl.agent.applied.steps")
                .description("Steps the agent applied, by step class")
                .tags("source", source, "class", stepClass)
                .register(registry)
                .increment(count));
    }

    /** A try to lead a source (each standby agent tries every few seconds). */
    public void leadAttempt(String source, boolean won) {
        Counter.builder("tenantctl.agent.lead.attempts")
                .description("Tries to lead a source, by result")
                .tags("source", source, "result", won ? "won" : "taken")
                .register(registry)
                .increment();
    }

    public void leader(String source, boolean leads) {
        gauge(source, "tenantctl.agent.leader", "1 while this agent leads the source", "", Map.of())
                .set(leads ? 1 : 0);
    }

    /** A webhook request: {@code accepted}, {@code unsigned}, {@code bad-signature} or {@code disabled}. */
    public void webhook(String result) {
        Counter.builder("tenantctl.agent.webhook.requests")
                .description("Webhook requests, by result")
                .tags("result", result)
                .register(registry)
                .increment();
    }

    /** The gauges that follow a source's status: conditions, drift, held approval, last success. */
    public void status(SourceStatus status, Optional<Instant> heldSince) {
        String source = status.name();
        for (Condition c : status.conditions()) {
            gauge(
                            source,
                            "tenantctl.agent.condition",
                            "1 when the condition's status is True, else 0",
                            "",
                            Map.of("type", c.type().wireName()))
                    .set(c.isTrue() ? 1 : 0);
        }
        gauge(
                        source,
                        "tenantctl.agent.drifted.objects",
                        "Objects others changed since this source applied them",
                        "",
                        Map.of())
                .set(status.driftedObjects());
        gauge(source, "tenantctl.agent.held.approvals", "Plans waiting for approval (0 or 1)", "", Map.of())
                .set(heldSince.isPresent() ? 1 : 0);
        gauge(
                        source,
                        "tenantctl.agent.approval.waiting.since",
                        "When the waiting plan started to wait (Unix time; 0 when none waits)",
                        "seconds",
                        Map.of())
                .set(heldSince.map(Instant::getEpochSecond).orElse(0L));
        gauge(
                        source,
                        "tenantctl.agent.last.success.timestamp",
                        "When a cycle last left the state matching the source (Unix time)",
                        "seconds",
                        Map.of())
                .set(status.lastSuccess().map(Instant::getEpochSecond).orElse(0L));
    }

    private AtomicLong gauge(String source, String name, String description, String unit, Map<String, String> tags) {
        String key = name + "|" + source + "|" + tags;
        return gauges.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.Builder<AtomicLong> builder = Gauge.builder(name, value, AtomicLong::doubleValue)
                    .description(description)
                    .tag("source", source);
            tags.forEach(builder::tag);
            if (!unit.isEmpty()) {
                builder.baseUnit(unit);
            }
            builder.register(registry);
            return value;
        });
    }

    /** The Prometheus text format of every metric. */
    public String scrape() {
        return registry.scrape();
    }
}
