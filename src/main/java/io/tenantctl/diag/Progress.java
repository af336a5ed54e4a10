package io.tenantctl.diag;

/**
 * Where a long run reports how far it is, for people watching a terminal. Stages call it; whether
 * and how it is shown is the command line's business ({@link #NONE} shows nothing).
 */
public interface Progress {

    /** Nothing is shown. */
    Progress NONE = new Progress() {
        @Override
        public void phase(String name, long total) {}

        @Override
        public void advance(long count) {}
    };

    /** A new phase of the run, with the number of items it has (0 when unknown). */
    void phase(String name, long total);

    /** {@code count} more items of the current phase are done; safe from several threads. */
    void advance(long count);
}
