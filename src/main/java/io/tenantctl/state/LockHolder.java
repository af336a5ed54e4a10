package io.tenantctl.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Who holds (or asks for) the write lock, so that a waiting user can be told whom to ask.
 *
 * @param identity the {@code --as} identities or the operating-system user
 */
public record LockHolder(String identity, String host, long pid, Instant since) {

    /** A holder known only by the lock it holds: no note, no process id. */
    public static LockHolder unknown() {
        return new LockHolder("a process that left no note", "", -1, Instant.EPOCH);
    }

    public boolean known() {
        return pid >= 0;
    }

    public String describe() {
        return known() ? identity + " on " + host + " (pid " + pid + ") since " + since : identity;
    }

    /** This process, acting as {@code identity}, from {@code since}. */
    public static LockHolder thisProcess(String identity, Instant since) {
        return new LockHolder(identity, hostName(), ProcessHandle.current().pid(), since);
    }

    /** This machine's name, without a DNS lookup that could hang on a machine with broken DNS. */
    public static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
