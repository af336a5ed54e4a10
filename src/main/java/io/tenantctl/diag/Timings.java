package io.tenantctl.diag;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Wall-clock time per phase, printed to standard error when {@code TENANTCTL_TIMINGS=1}: the
 * first thing to look at when a large run is slow, and how docs/performance.md attributes time.
 */
public final class Timings {

    private static final boolean ENABLED = "1".equals(System.getenv("TENANTCTL_TIMINGS"));
    private static final long START = System.nanoTime();

    private Timings() {}

    public static <T> T time(String phase, Supplier<T> work) {
        if (!ENABLED) {
            return work.get();
        }
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            report(phase, start);
        }
    }

    public static void time(String phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    private static void report(String phase, long start) {
        PrintStream err = System.err;
        long now = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        err.printf(
                "timing: %-22s %7.0f ms  (at %6.0f ms, heap %4d MB)%n",
                phase, (now - start) / 1e6, (now - START) / 1e6, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
