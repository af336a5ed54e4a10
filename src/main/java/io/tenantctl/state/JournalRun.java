package io.tenantctl.state;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One live apply as the journal has it.
 *
 * @param plan  the plan document it runs, as applied (JSON)
 * @param steps the steps it reached, by 1-based index
 */
public record JournalRun(
        long id,
        String digest,
        String plan,
        String provider,
        String holder,
        Instant started,
        Optional<String> outcome,
        Map<Integer, JournalStep> steps) {

    public JournalRun {
        steps = Map.copyOf(new TreeMap<>(steps));
    }

    public Optional<JournalStep> step(int index) {
        return Optional.ofNullable(steps.get(index));
    }
}
