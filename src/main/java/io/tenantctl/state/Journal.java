package io.tenantctl.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The write-ahead journal of live applies. A live provider changes real tenants one request at a
 * time, so an apply cannot be one transaction: each step is recorded as started before its first
 * request and as done once a read shows its effect, every record committed at once, so that a
 * crash or a kill loses nothing that happened. The next apply of the same plan resumes from the
 * journal and never repeats a done step.
 */
public interface Journal {

    /**
     * Takes the live-apply lease of the state: one live apply at a time, held until closed or until
     * its process dies, however it dies. Waits up to {@code timeout}, then throws
     * {@link StateLockedException}.
     */
    Lease lease(Duration timeout, LockHolder me);

    /** The live apply that began and never ended (its process died), if any. */
    Optional<JournalRun> unfinished();

    /** Records that a live apply of this plan document begins; gives its run. */
    JournalRun begin(String digest, String plan, String provider, LockHolder holder, Instant at);

    /** Step {@code index} (1-based) is about to send its first request. */
    void started(long run, int index, String op, String target, Instant at);

    /** A read showed the step's effect; {@code requestIds} are the service's ids of its requests. */
    void done(long run, int index, List<String> requestIds, Instant at);

    /** The step failed; {@code error} says how (the service's error code, request id and message). */
    void failed(long run, int index, List<String> requestIds, String error, Instant at);

    /** The run ended: {@code applied}, {@code failed} or {@code waiting} (for an external action). */
    void end(long run, String outcome, Instant at);

    /** A held lease; closing it lets the next live apply in. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
