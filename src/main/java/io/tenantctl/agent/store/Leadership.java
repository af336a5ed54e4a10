package io.tenantctl.agent.store;

import io.tenantctl.state.jdbc.StateUrl;
import java.nio.file.Path;

/**
 * Who leads each source: only the leader fetches, plans, applies and writes its status. Leading is
 * a lock the database (or the operating system) drops when the leader dies, so another agent
 * takes the source over; the state's base-revision check remains the guard against a plan being
 * applied twice, should two agents ever believe they lead.
 */
public interface Leadership extends AutoCloseable {

    /** Leads the source from now on if nobody else does; true when this agent leads it. */
    boolean tryLead(String source);

    /** Whether this agent still leads the source (its lock's connection is alive). */
    boolean leads(String source);

    /** Stops leading the source. */
    void release(String source);

    /** Stops leading every source. */
    @Override
    void close();

    /**
     * The leadership a state URL calls for: per-source advisory locks on PostgreSQL; on SQLite, one
     * agent per state, refused at once when another holds it.
     *
     * @throws AgentLockedException when another agent leads this SQLite state
     */
    static Leadership of(String stateUrl, String me) {
        StateUrl url = StateUrl.parse(stateUrl);
        return switch (url.kind()) {
            case SQLITE -> StateFileLeadership.acquire(Path.of(url.sqlitePath() + ".agent"), me);
            case POSTGRESQL -> new AdvisoryLockLeadership(url, me);
        };
    }
}
