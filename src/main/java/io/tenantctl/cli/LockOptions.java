package io.tenantctl.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --lock-timeout}, for the commands that take the state's write lock. */
public final class LockOptions {

    @Option(
            names = "--lock-timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "How long to wait for another apply's lock before giving up with exit 3"
                    + " (e.g. 60s, 1m30s, 2m, 500ms; default ${DEFAULT-VALUE}).")
    Duration lockTimeout;

    Duration lockTimeout() {
        return lockTimeout;
    }
}
