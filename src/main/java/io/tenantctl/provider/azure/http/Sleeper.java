package io.tenantctl.provider.azure.http;

import java.time.Duration;

/** Waits; tests pass one that records the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
