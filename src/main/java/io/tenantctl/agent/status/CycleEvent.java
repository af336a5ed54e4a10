package io.tenantctl.agent.status;

import java.time.Instant;

/**
 * What one cycle of one source did, for the history.
 *
 * @param cycle    the cycle's number since this agent started leading the source
 * @param outcome  one word ({@code applied}, {@code unchanged}, {@code held}, {@code stalled}, ...)
 * @param commit   the commit the cycle saw (empty when the fetch failed)
 * @param revision the state's revision when the cycle ended
 */
public record CycleEvent(
        String source, long cycle, Instant at, String outcome, String commit, long revision, String message) {}
