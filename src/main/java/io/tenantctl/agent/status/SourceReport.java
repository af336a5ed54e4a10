package io.tenantctl.agent.status;

import java.util.List;
import java.util.Optional;

/** All that is shown of one source: its status, the plan it holds, its newest cycles. */
public record SourceReport(SourceStatus status, Optional<HeldPlan> held, List<CycleEvent> history) {

    public SourceReport {
        history = List.copyOf(history);
    }
}
