package io.tenantctl.state.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name, without a DNS lookup that could hang on a machine with broken DNS. */
final class Hosts {

    private Hosts() {
    }

    static String name() {
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
