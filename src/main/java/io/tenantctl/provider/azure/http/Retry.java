package io.tenantctl.provider.azure.http;

import java.time.Duration;

/**
 * How long a throttled or unavailable service is waited for. Graph's and Resource Manager's
 * throttling pages say: wait the {@code Retry-After} seconds (a decimal, e.g. {@code 2.128}), then
 * retry, and keep honouring it while {@code 429} repeats; without the header, back off
 * exponentially. tenantctl also bounds each wait and the number of attempts, so that an apply
 * never hangs on a service that keeps saying "later".
 *
 * @param attempts   tries per request, the first included
 * @param firstDelay the wait before the second try when the service names none; doubled each time
 * @param longestWait the longest single wait, whatever {@code Retry-After} says
 */
public record Retry(int attempts, Duration firstDelay, Duration longestWait) {

    /** Six tries, 1 s doubling without {@code Retry-After}, never more than 2 minutes at once. */
    public static final Retry DEFAULT = new Retry(6, Duration.ofSeconds(1), Duration.ofMinutes(2));

    /** The wait before try {@code next} (2, 3, ...) when the service said nothing. */
    Duration backoff(int next) {
        Duration wait = firstDelay.multipliedBy(1L << Math.min(20, next - 2));
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    Duration bounded(Duration asked) {
        return asked.compareTo(longestWait) > 0 ? longestWait : asked;
    }
}
