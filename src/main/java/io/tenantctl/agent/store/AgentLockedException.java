package io.tenantctl.agent.store;

import io.tenantctl.diag.Codes;
import io.tenantctl.state.StateException;

/** Another agent leads a state that allows one agent only (SQLite). */
public final class AgentLockedException extends StateException {
    private static final long serialVersionUID = 1L;

    public AgentLockedException(String message) {
        super(Codes.AGENT_LOCKED, message);
    }
}
