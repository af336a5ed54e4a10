package io.tenantctl.plan;

import io.tenantctl.rules.Violation;
import io.tenantctl.world.Key;
import java.util.Set;

/**
 * A step the scheduler could not place: why, the last time it was tried, and the pieces of the
 * world it read then (it could only ever run if one of them changed).
 */
record Blocked(Pending pending, Violation why, Set<Key> reads) {}
