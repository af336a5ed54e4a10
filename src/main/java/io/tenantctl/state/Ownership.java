package io.tenantctl.state;

/**
 * What the store remembers of how an object got its current value: the revision that last wrote
 * it, the applyset whose manifests own it, and the source those manifests came from.
 */
public record Ownership(long revision, String applyset, String source) {}
