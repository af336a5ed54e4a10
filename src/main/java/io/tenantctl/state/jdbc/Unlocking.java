package io.tenantctl.state.jdbc;

import io.tenantctl.diag.Codes;
import io.tenantctl.state.LockHolder;
import io.tenantctl.state.StateException;
import io.tenantctl.state.Unlock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code force-unlock}: makes the holder of the write lock give it up, the way each dialect can
 * (SQLite: stop the process on this machine; PostgreSQL: end its session). Either way the holder's
 * transaction ends without a commit, so a forced unlock never leaves half an apply behind. Only
 * the holder the user confirmed is stopped: if another one has the lock by then, it is refused.
 */
final class Unlocking {

    private static final long POLL_MILLIS = 100;

    private final Database database;

    Unlocking(Database database) {
        this.database = database;
    }

    Optional<LockHolder> holder() {
        return database.dialect().lockedBy(database.url());
    }

    Unlock force(LockHolder confirmed, Duration wait) {
        Dialect dialect = database.dialect();
        Optional<LockHolder> now = holder();
        if (now.isEmpty()) {
            dialect.forgetStaleHolder(database.url());
            return new Unlock(Unlock.Result.WAS_FREE, "the state at " + database.location() + " is not locked");
        }
        if (!now.get().equals(confirmed)) {
            return new Unlock(
                    Unlock.Result.REFUSED,
                    "the lock of the state at " + database.location() + " is held by "
                            + now.get().describe() + " now, not by " + confirmed.describe()
                            + "; run force-unlock again to see who");
        }
        Optional<String> refusal = dialect.stop(database.url(), confirmed);
        if (refusal.isPresent()) {
            return new Unlock(
                    Unlock.Result.REFUSED,
                    "cannot release the lock of the state at " + database.location() + ", held by "
                            + confirmed.describe() + ": " + refusal.get());
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (holder().filter(confirmed::equals).isPresent()) {
            if (System.nanoTime() > deadline) {
                return new Unlock(
                        Unlock.Result.REFUSED,
                        confirmed.describe() + " was asked to stop but still holds the lock of the state at "
                                + database.location() + " after " + wait.toSeconds() + "s");
            }
            sleep();
        }
        dialect.forgetStaleHolder(database.url());
        return new Unlock(
                Unlock.Result.RELEASED,
                "released the lock of the state at " + database.location() + ", held by " + confirmed.describe()
                        + "; its apply was rolled back and changed nothing");
    }

    private void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException(Codes.STATE, "interrupted while waiting for the lock of " + database.location());
        }
    }
}
