package io.tenantctl.cli;

import io.tenantctl.agent.AgentConfig;
import io.tenantctl.agent.AgentLog;
import io.tenantctl.agent.ConfigReader;
import io.tenantctl.agent.http.AgentRuntime;
import io.tenantctl.diag.Codes;
import io.tenantctl.state.jdbc.StateUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenantctl agent}: the long-running reconciler (docs/agent.md). */
@Command(
        name = "agent",
        sortOptions = false,
        description = {
            "Run the GitOps agent: for each source of the configuration, fetch its git branch, plan,"
                    + " apply what its policy allows, and report status in the state (tenantctl status),"
                    + " on /metrics and on a status page. Runs until SIGTERM or SIGINT, which let the"
                    + " current cycle finish (an apply in flight commits or leaves nothing), then exits 0.",
        },
        footer = {
            "",
            "Exit codes: 0 stopped by a signal (or --check passed), 1 bad configuration, the state cannot be"
                    + " used, another agent leads a SQLite state, or the port is taken.",
            "",
            "Examples:",
            "  tenantctl agent --config agent.yaml --check",
            "  tenantctl agent --config agent.yaml",
            "  tenantctl agent --config agent.yaml --state postgresql://tenantctl@db:5432/tenantctl",
        })
final class AgentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The agent's YAML configuration.")
    Path config;

    @Option(
            names = "--state",
            paramLabel = "URL",
            description = "The state store; overrides the configuration's state (also: TENANTCTL_STATE; default "
                    + StateUrl.DEFAULT + ").")
    String state;

    @Option(names = "--check", description = "Check the configuration and the secrets it names, then exit.")
    boolean check;

    @Mixin
    ColorOption color;

    private final Context context;

    AgentCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment env = context.environment();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(config);
        } catch (NoSuchFileException e) {
            return context.fail(spec, color.style(env), ExitCodes.ERROR, Codes.AGENT_CONFIG, "no such file: " + config);
        } catch (IOException e) {
            return context.fail(
                    spec, color.style(env), ExitCodes.ERROR, Codes.IO, "cannot read " + IoErrors.describe(e));
        }
        ConfigReader.Result read = ConfigReader.read(config.toString(), bytes);
        context.diagnostics(spec, color.style(env), read.diagnostics());
        if (read.config().isEmpty()) {
            return ExitCodes.ERROR;
        }
        AgentConfig agent = read.config().get();
        Optional<String> webhook = secret(env, agent.webhookSecretEnv(), "webhook.secretEnv");
        Optional<String> token = secret(env, agent.apiTokenEnv(), "api.tokenEnv");
        if (webhook.isEmpty() && agent.webhookSecretEnv().isPresent()
                || token.isEmpty() && agent.apiTokenEnv().isPresent()) {
            return ExitCodes.ERROR;
        }
        String url = state != null && !state.isBlank()
                ? state
                : agent.state()
                        .orElseGet(() -> env.variable("TENANTCTL_STATE").isBlank()
                                ? StateUrl.DEFAULT
                                : env.variable("TENANTCTL_STATE"));
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            out.println("The configuration is valid: " + agent.sources().size() + " sources, state "
                    + StateUrl.parse(url).display() + ", listening on " + agent.listenHost() + ":"
                    + agent.listenPort() + ".");
            out.flush();
            return ExitCodes.OK;
        }
        AgentLog log = new AgentLog(spec.commandLine().getErr(), env.clock());
        AgentRuntime.Secrets secrets =
                new AgentRuntime.Secrets(webhook.map(w -> w.getBytes(StandardCharsets.UTF_8)), token);
        return context.guarded(spec, color.style(env), () -> {
            AgentRuntime runtime = AgentRuntime.start(agent, url, secrets, context.engine(), env.clock(), log);
            // SIGTERM and SIGINT run shutdown hooks: let the cycles finish, then exit 0 (the JVM's
            // own status after a signal would be 143).
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                runtime.close();
                                spec.commandLine().getErr().flush();
                                Runtime.getRuntime().halt(ExitCodes.OK);
                            },
                            "shutdown"));
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            runtime.close();
            return ExitCodes.OK;
        });
    }

    /** The value of the variable a configuration key names; an error line when it is unset. */
    private Optional<String> secret(Environment env, Optional<String> variable, String key) {
        if (variable.isEmpty()) {
            return Optional.empty();
        }
        String value = env.variable(variable.get());
        if (value.isBlank()) {
            context.fail(
                    spec,
                    color.style(env),
                    ExitCodes.ERROR,
                    Codes.AGENT_CONFIG,
                    config + ": " + key + " names the environment variable " + variable.get()
                            + ", which is not set or empty");
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
