package io.tenantctl.agent.status;

import java.time.Instant;

/** The last revision this source's agent applied: which, from which commit, when, how many steps. */
public record LastApply(long revision, String commit, Instant time, int steps, String digest) {}
