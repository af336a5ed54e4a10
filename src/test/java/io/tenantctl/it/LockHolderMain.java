package io.tenantctl.it;

import io.tenantctl.state.LockHolder;
import io.tenantctl.state.jdbc.JdbcStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A process that takes a store's write lock, says so, and holds it until it is killed: the
 * stand-in for an apply that dies while holding the lock.
 */
public final class LockHolderMain {

    public static void main(String[] args) {
        JdbcStateStore store = JdbcStateStore.open(
                args[0], Clock.systemUTC(), () -> UUID.randomUUID().toString(), Duration.ofSeconds(30));
        store.write(
                Duration.ofSeconds(30),
                new LockHolder(
                        "doomed-pipeline", "runner-9", ProcessHandle.current().pid(), Instant.now()),
                tx -> {
                    System.out.println("locked at revision " + tx.snapshot().revision());
                    System.out.flush();
                    try {
                        Thread.sleep(Duration.ofMinutes(10).toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
    }
}
