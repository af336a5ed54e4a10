package io.tenantctl.state;

import java.util.Optional;

/**
 * One step of an applied revision as the history keeps it: its operation, target and actor (for
 * listing and querying), and the whole step as compact canonical JSON, as the plan file has it.
 */
public record StepEntry(String op, String target, Optional<String> actor, String json) {}
