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

    public String describe() {
        return identity + " on " + host + " (pid " + pid + ") since " + since;
    }

    /** This process, acting as {@code identity}, from {@code since}. */
    public static LockHolder thisProcess(String identity, Instant since) {
        return new LockHolder(identity, hostName(), ProcessHandle.current().pid(), since);
    }

    /** This machine's name, without a DNS lookup that could hang on a machine with broken DNS. */
    static String hostName() {
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
