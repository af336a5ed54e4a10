package io.tenantctl.cli;

import io.tenantctl.diag.Progress;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on standard error, for runs that take more than about a second: nothing at all for
 * quick runs, a single line rewritten in place after that, and the line cleared at the end so that
 * the output reads as if it had never been there. Only used when standard error is a terminal.
 */
final class TerminalProgress implements Progress, AutoCloseable {

    static final long DELAY_MILLIS = 1000;
    static final long PERIOD_MILLIS = 200;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile String phase = "starting";
    private volatile long total;
    private final Thread ticker;
    private volatile boolean shown;
    private volatile boolean closed;

    TerminalProgress(PrintWriter err) {
        this.err = err;
        this.ticker = new Thread(this::tick, "tenantctl-progress");
        this.ticker.setDaemon(true);
        this.ticker.start();
    }

    /** Progress for this command: shown on a terminal, nothing elsewhere. */
    static Progress forTerminal(Environment environment, PrintWriter err) {
        return environment.stderrTerminal() ? new TerminalProgress(err) : Progress.NONE;
    }

    /** Stops showing progress, before the command prints its results. */
    static void end(Progress progress) {
        if (progress instanceof TerminalProgress shown) {
            shown.close();
        }
    }

    @Override
    public void phase(String name, long total) {
        this.phase = name;
        this.total = total;
        this.done.set(0);
    }

    @Override
    public void advance(long count) {
        done.addAndGet(count);
    }

    private void tick() {
        try {
            Thread.sleep(DELAY_MILLIS);
            while (!closed) {
                print();
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void print() {
        if (closed) {
            return;
        }
        err.print("\r\u001b[2K" + line());
        err.flush();
        shown = true;
    }

    /** {@code planning 12,345/225,000 (5%) 3.2s}. */
    String line() {
        long count = done.get();
        long of = total;
        String amount = of > 0
                ? String.format("%,d/%,d (%d%%)", count, of, Math.min(100, count * 100 / of))
                : count > 0 ? String.format("%,d", count) : "";
        return String.format("%s %s %.1fs", phase, amount, (System.nanoTime() - start) / 1e9)
                .replace("  ", " ");
    }

    @Override
    public synchronized void close() {
        closed = true;
        ticker.interrupt();
        if (shown) {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }
}
