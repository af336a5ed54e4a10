package io.tenantctl.agent;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.load.ConfigFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the agent's configuration file with the manifests' safe YAML reader (SnakeYAML Engine, no
 * anchors, tags or duplicate keys) and checks every key and value, reporting each problem at its
 * {@code file:line:column}, all of them at once.
 */
public final class ConfigReader {

    public static final String API_VERSION = "tenantctl.io/v1";
    public static final String KIND = "AgentConfig";

    private static final Pattern NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final Pattern ENV = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,127}$");
    private static final Pattern DURATION = Pattern.compile("^([0-9]{1,9})(ms|s|m|h)$");
    private static final Pattern PERCENT = Pattern.compile("^([0-9]{1,2})%$");
    private static final Pattern LISTEN = Pattern.compile("^(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+):([0-9]{1,5})$");
    private static final Pattern BRANCH = Pattern.compile("^[A-Za-z0-9._/-]{1,200}$");

    private static final Set<String> TOP =
            Set.of("apiVersion", "kind", "state", "listen", "workDir", "lockTimeout", "webhook", "api", "sources");
    private static final Set<String> SOURCE = Set.of(
            "name", "url", "branch", "paths", "applyset", "interval", "jitter", "policy", "drift", "prune", "as");

    /** What reading gave: the configuration when it is valid, and every problem. */
    public record Result(Optional<AgentConfig> config, List<Diagnostic> diagnostics) {

        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private ConfigFile file;

    private ConfigReader() {}

    /** Reads the file's bytes, named {@code display} in diagnostics. */
    public static Result read(String display, byte[] bytes) {
        return new ConfigReader().parse(display, bytes);
    }

    private Result parse(String display, byte[] bytes) {
        file = ConfigFile.read(display, bytes, Codes.AGENT_CONFIG, "the configuration");
        if (file.root().isEmpty()) {
            return new Result(Optional.empty(), file.problems());
        }
        JsonNode root = file.root().get();
        if (!root.isObject()) {
            error("", false, "the configuration is a mapping of keys (apiVersion, kind, sources, ...)");
            return new Result(Optional.empty(), file.problems());
        }
        keys(root, "", TOP);
        constant(root, "apiVersion", API_VERSION);
        constant(root, "kind", KIND);
        Optional<String> state = string(root, "", "state", false);
        String listen = string(root, "", "listen", false).orElse("127.0.0.1:8080");
        String host = "127.0.0.1";
        int port = 8080;
        Matcher m = LISTEN.matcher(listen);
        if (m.matches() && Integer.parseInt(m.group(2)) <= 65535) {
            host = m.group(1).startsWith("[")
                    ? m.group(1).substring(1, m.group(1).length() - 1)
                    : m.group(1);
            port = Integer.parseInt(m.group(2));
        } else {
            error("/listen", false, "listen is HOST:PORT (for example 127.0.0.1:8080, or port 0 for any free port)");
        }
        Path workDir = Path.of(string(root, "", "workDir", false).orElse(".tenantctl/agent"));
        Duration lockTimeout = duration(root, "", "lockTimeout", Duration.ofSeconds(60), Duration.ZERO);
        Optional<String> secret = envName(root, "webhook", "secretEnv");
        Optional<String> token = envName(root, "api", "tokenEnv");
        List<SourceConfig> sources = sources(root);
        if (file.hasProblems()) {
            return new Result(Optional.empty(), file.problems());
        }
        return new Result(
                Optional.of(new AgentConfig(state, host, port, workDir, lockTimeout, secret, token, sources)),
                file.problems());
    }

    private List<SourceConfig> sources(JsonNode root) {
        List<SourceConfig> out = new ArrayList<>();
        JsonNode list = root.get("sources");
        if (list == null) {
            error("", false, "missing key 'sources': the list of git sources to reconcile");
            return out;
        }
        if (!list.isArray() || list.isEmpty()) {
            error("/sources", false, "sources is a non-empty list of sources (name, url, paths, ...)");
            return out;
        }
        Set<String> names = new HashSet<>();
        Set<String> applysets = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/sources/" + i;
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                error(at, false, "a source is a mapping (name, url, branch, paths, ...)");
                continue;
            }
            keys(node, at, SOURCE);
            String name = string(node, at, "name", true).orElse("");
            if (!name.isEmpty() && !NAME.matcher(name).matches()) {
                error(
                        at + "/name",
                        false,
                        "a source name is lowercase letters, digits and '-', at most 63 (" + name + ")");
            } else if (!name.isEmpty() && !names.add(name)) {
                error(at + "/name", false, "two sources are named " + name);
            }
            String url = string(node, at, "url", true).orElse("");
            String branch = string(node, at, "branch", false).orElse("main");
            if (!BRANCH.matcher(branch).matches() || branch.contains("..") || branch.startsWith("-")) {
                error(at + "/branch", false, "not a branch name: " + branch);
            }
            List<String> paths = strings(node, at, "paths", true);
            String applyset = string(node, at, "applyset", false).orElse(name);
            if (node.has("applyset") && !NAME.matcher(applyset).matches()) {
                error(at + "/applyset", false, "an applyset name is lowercase letters, digits and '-', at most 63");
            } else if (!applyset.isEmpty() && !applysets.add(applyset)) {
                error(
                        at + (node.has("applyset") ? "/applyset" : "/name"),
                        false,
                        "two sources apply applyset " + applyset + "; each would prune what the other declares");
            }
            Duration interval = duration(node, at, "interval", Duration.ofMinutes(1), Duration.ofSeconds(1));
            double jitter = jitter(node, at);
            Policy policy = policy(node, at);
            DriftPolicy drift = DriftPolicy.REPORT;
            Optional<String> driftText = string(node, at, "drift", false);
            if (driftText.isPresent()) {
                drift = switch (driftText.get()) {
                    case "report" -> DriftPolicy.REPORT;
                    case "revert" -> DriftPolicy.REVERT;
                    default -> {
                        error(at + "/drift", false, "drift is report or revert, not " + driftText.get());
                        yield DriftPolicy.REPORT;
                    }
                };
            }
            boolean prune = bool(node, at, "prune");
            List<String> as = strings(node, at, "as", false);
            out.add(new SourceConfig(name, url, branch, paths, applyset, interval, jitter, policy, drift, prune, as));
        }
        return out;
    }

    private Policy policy(JsonNode source, String at) {
        JsonNode node = source.get("policy");
        if (node == null) {
            return Policy.DEFAULT;
        }
        String here = at + "/policy";
        if (!node.isObject()) {
            error(here, false, "policy is a mapping of step class to auto, approve or never");
            return Policy.DEFAULT;
        }
        Map<StepClass, PolicyAction> actions = new EnumMap<>(StepClass.class);
        Set<String> known = new HashSet<>();
        for (StepClass c : StepClass.values()) {
            known.add(c.configKey());
        }
        keys(node, here, known);
        for (StepClass c : StepClass.values()) {
            Optional<String> value = string(node, here, c.configKey(), false);
            if (value.isEmpty()) {
                continue;
            }
            Optional<PolicyAction> action = switch (value.get()) {
                case "auto" -> Optional.of(PolicyAction.AUTO);
                case "approve" -> Optional.of(PolicyAction.APPROVE);
                case "never" -> Optional.of(PolicyAction.NEVER);
                default -> Optional.empty();
            };
            if (action.isPresent()) {
                actions.put(c, action.get());
            } else {
                error(
                        here + "/" + c.configKey(),
                        false,
                        c.configKey() + " is auto, approve or never, not " + value.get());
            }
        }
        return new Policy(actions);
    }

    private double jitter(JsonNode source, String at) {
        JsonNode node = source.get("jitter");
        if (node == null) {
            return 0.1;
        }
        if (node.isNumber() && node.asDouble() >= 0 && node.asDouble() < 1) {
            return node.asDouble();
        }
        if (node.isString()) {
            Matcher m = PERCENT.matcher(node.asString());
            if (m.matches()) {
                return Integer.parseInt(m.group(1)) / 100.0;
            }
        }
        error(at + "/jitter", false, "jitter is a fraction from 0 up to (not including) 1, or a percentage like 10%");
        return 0;
    }

    private Optional<String> envName(JsonNode root, String section, String key) {
        JsonNode node = root.get(section);
        if (node == null) {
            return Optional.empty();
        }
        String at = "/" + section;
        if (!node.isObject()) {
            error(at, false, section + " is a mapping with " + key);
            return Optional.empty();
        }
        keys(node, at, Set.of(key));
        Optional<String> name = string(node, at, key, true);
        if (name.isPresent() && !ENV.matcher(name.get()).matches()) {
            error(at + "/" + key, false, key + " names an environment variable (letters, digits, _), not its value");
            return Optional.empty();
        }
        return name;
    }

    private Duration duration(JsonNode parent, String at, String key, Duration otherwise, Duration least) {
        Optional<String> text = string(parent, at, key, false);
        if (text.isEmpty()) {
            return otherwise;
        }
        Matcher m = DURATION.matcher(text.get());
        if (!m.matches()) {
            error(at + "/" + key, false, key + " is a duration like 500ms, 30s, 5m or 1h, not " + text.get());
            return otherwise;
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.compareTo(least) < 0) {
            error(at + "/" + key, false, key + " is at least " + least.toSeconds() + "s");
        }
        return d;
    }

    private void constant(JsonNode root, String key, String expected) {
        file.constant(root, key, expected);
    }

    private void keys(JsonNode node, String at, Set<String> allowed) {
        file.keys(node, at, allowed);
    }

    private Optional<String> string(JsonNode parent, String at, String key, boolean required) {
        return file.string(parent, at, key, required);
    }

    private List<String> strings(JsonNode parent, String at, String key, boolean required) {
        JsonNode value = parent.get(key);
        List<String> out = new ArrayList<>();
        if (value == null) {
            if (required) {
                error(at, false, "missing key '" + key + "'");
            }
            return out;
        }
        if (!value.isArray() || (required && value.isEmpty())) {
            error(at + "/" + key, false, key + " is a list of strings" + (required ? ", at least one" : ""));
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isString() || item.asString().isBlank()) {
                error(at + "/" + key + "/" + i, false, "each entry of " + key + " is a non-empty string");
            } else {
                out.add(item.asString());
            }
        }
        return out;
    }

    private boolean bool(JsonNode parent, String at, String key) {
        JsonNode value = parent.get(key);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            error(at + "/" + key, false, key + " is true or false");
            return false;
        }
        return value.asBoolean();
    }

    private void error(String pointer, boolean entry, String message) {
        file.error(pointer, entry, message);
    }
}
