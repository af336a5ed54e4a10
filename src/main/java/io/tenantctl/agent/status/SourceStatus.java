package io.tenantctl.agent.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status of one source, as the agent that leads it last wrote it to the state.
 *
 * @param url              the git remote, without credentials
 * @param leader           the agent that leads the source ({@code user on host (pid N) since T})
 * @param cycle            how many cycles that agent has run for it
 * @param observedCommit   the commit the last cycle fetched (empty before the first fetch)
 * @param observedRevision the state's revision the last cycle saw (after its own apply, if any)
 * @param syncedCommit     the commit at which the state last matched the source (applied, or
 *                         nothing to apply); changes planned at that same commit are drift
 * @param settled          the last cycle's outcome stands until the commit or the state moves: the
 *                         next cycle may skip planning when neither did
 * @param lastSuccess      when a cycle last ended with the state at the source's commit
 * @param conditions       {@code Ready}, {@code Reconciling} and {@code Stalled}, in that order
 * @param driftedObjects   objects that others changed since this source applied them
 * @param externalActions  steps that wait for someone outside tenantctl (none with {@code record})
 */
public record SourceStatus(
        String name,
        String url,
        String branch,
        List<String> paths,
        String applyset,
        String leader,
        long cycle,
        String observedCommit,
        long observedRevision,
        String syncedCommit,
        boolean settled,
        Optional<LastApply> lastApply,
        Optional<Instant> lastCycle,
        Optional<Instant> nextCycle,
        Optional<Instant> lastSuccess,
        List<Condition> conditions,
        int driftedObjects,
        List<ExternalAction> externalActions) {

    public SourceStatus {
        paths = List.copyOf(paths);
        conditions = List.copyOf(conditions);
        externalActions = List.copyOf(externalActions);
    }

    /** A source no cycle has looked at yet: every condition Unknown. */
    public static SourceStatus initial(
            String name, String url, String branch, List<String> paths, String applyset, String leader, Instant now) {
        List<Condition> conditions = new ArrayList<>();
        for (ConditionType type : ConditionType.values()) {
            conditions.add(new Condition(type, ConditionStatus.UNKNOWN, "Initializing", "no cycle has run yet", now));
        }
        return new SourceStatus(
                name,
                url,
                branch,
                paths,
                applyset,
                leader,
                0,
                "",
                0,
                "",
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                conditions,
                0,
                List.of());
    }

    public Condition condition(ConditionType type) {
        return conditions.stream()
                .filter(c -> c.type() == type)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type + " condition"));
    }

    /** The same status with one condition set as now reported. */
    public SourceStatus with(ConditionType type, ConditionStatus status, String reason, String message, Instant now) {
        Copy c = new Copy(this);
        c.conditions = new ArrayList<>();
        for (Condition condition : conditions) {
            c.conditions.add(condition.type() == type ? condition.next(status, reason, message, now) : condition);
        }
        return c.build();
    }

    /** The same status as a leader (this agent, or another) now reports it, with its cycle count. */
    public SourceStatus led(String leader, long cycle) {
        Copy c = new Copy(this);
        c.leader = leader;
        c.cycle = cycle;
        return c.build();
    }

    /** What a finished cycle observed. */
    public SourceStatus observed(String commit, long revision, boolean settled, int drifted, Instant at) {
        Copy c = new Copy(this);
        c.observedCommit = commit;
        c.observedRevision = revision;
        c.settled = settled;
        c.driftedObjects = drifted;
        c.lastCycle = Optional.of(at);
        return c.build();
    }

    public SourceStatus applied(LastApply apply) {
        Copy c = new Copy(this);
        c.lastApply = Optional.of(apply);
        return c.build();
    }

    public SourceStatus next(Instant at) {
        Copy c = new Copy(this);
        c.nextCycle = Optional.of(at);
        return c.build();
    }

    /** The same status for the source as configured now (its URL, branch, paths or applyset may have changed). */
    public SourceStatus configured(String url, String branch, List<String> paths, String applyset) {
        Copy c = new Copy(this);
        c.url = url;
        c.branch = branch;
        c.paths = paths;
        c.applyset = applyset;
        return c.build();
    }

    /** The state matches the source at this commit. */
    public SourceStatus synced(String commit, Instant at) {
        Copy c = new Copy(this);
        c.syncedCommit = commit;
        c.lastSuccess = Optional.of(at);
        return c.build();
    }

    /** The same status, no longer settled: the next cycle plans even if nothing moved. */
    public SourceStatus unsettled() {
        Copy c = new Copy(this);
        c.settled = false;
        return c.build();
    }

    /** A status being changed: the one mutable form, for the withers above. */
    private static final class Copy {
        private final String name;
        private String url;
        private String branch;
        private List<String> paths;
        private String applyset;
        private String leader;
        private long cycle;
        private String observedCommit;
        private long observedRevision;
        private String syncedCommit;
        private boolean settled;
        private Optional<LastApply> lastApply;
        private Optional<Instant> lastCycle;
        private Optional<Instant> nextCycle;
        private Optional<Instant> lastSuccess;
        private List<Condition> conditions;
        private int driftedObjects;
        private final List<ExternalAction> externalActions;

        Copy(SourceStatus s) {
            name = s.name;
            url = s.url;
            branch = s.branch;
            paths = s.paths;
            applyset = s.applyset;
            leader = s.leader;
            cycle = s.cycle;
            observedCommit = s.observedCommit;
            observedRevision = s.observedRevision;
            syncedCommit = s.syncedCommit;
            settled = s.settled;
            lastApply = s.lastApply;
            lastCycle = s.lastCycle;
            nextCycle = s.nextCycle;
            lastSuccess = s.lastSuccess;
            conditions = s.conditions;
            driftedObjects = s.driftedObjects;
            externalActions = s.externalActions;
        }

        SourceStatus build() {
            return new SourceStatus(
                    name,
                    url,
                    branch,
                    paths,
                    applyset,
                    leader,
                    cycle,
                    observedCommit,
                    observedRevision,
                    syncedCommit,
                    settled,
                    lastApply,
                    lastCycle,
                    nextCycle,
                    lastSuccess,
                    conditions,
                    driftedObjects,
                    externalActions);
        }
    }
}
