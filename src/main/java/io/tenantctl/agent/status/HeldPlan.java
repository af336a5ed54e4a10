package io.tenantctl.agent.status;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A plan a source holds until someone approves it; the plan's document itself stays in the store.
 *
 * @param classes    how many of its steps fall in each step class (by the class's wire name)
 * @param approval   who approved it and when, once someone did
 */
public record HeldPlan(
        String source,
        String digest,
        long baseRevision,
        String commit,
        Map<String, Integer> classes,
        int steps,
        Instant heldAt,
        Optional<Approval> approval) {

    public HeldPlan {
        classes = Map.copyOf(classes);
    }

    /** Who approved a held plan, and when. */
    public record Approval(String by, Instant at) {}

    /** The command that approves it, as the status page and {@code tenantctl status} print it. */
    public String approveCommand() {
        return "tenantctl approve " + source + " " + digest;
    }
}
