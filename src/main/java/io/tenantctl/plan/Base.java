package io.tenantctl.plan;

/**
 * The state a plan was made against: the store's lineage (which store) and revision (which
 * version of it). Applying a saved plan requires both to be unchanged.
 */
public record Base(String lineage, long revision) {}
