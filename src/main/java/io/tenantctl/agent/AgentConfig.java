package io.tenantctl.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The agent's configuration file, validated.
 *
 * @param state            the state URL, when the file names one ({@code --state} and
 *                         {@code TENANTCTL_STATE} otherwise)
 * @param listenHost       the address the HTTP server binds
 * @param listenPort       its port (0: any free port, which the log names)
 * @param workDir          where the git caches live
 * @param lockTimeout      how long an apply waits for the state's write lock
 * @param webhookSecretEnv the environment variable that holds the webhook's HMAC secret (no
 *                         variable: the webhook is off)
 * @param apiTokenEnv      the environment variable that holds the API token (no variable: nothing
 *                         can be approved over HTTP)
 */
public record AgentConfig(
        Optional<String> state,
        String listenHost,
        int listenPort,
        Path workDir,
        Duration lockTimeout,
        Optional<String> webhookSecretEnv,
        Optional<String> apiTokenEnv,
        List<SourceConfig> sources) {

    public AgentConfig {
        sources = List.copyOf(sources);
    }
}
