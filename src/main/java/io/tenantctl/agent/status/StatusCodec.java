package io.tenantctl.agent.status;

import io.tenantctl.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the agent's values: what the state store keeps, what {@code tenantctl status -o json}
 * and {@code GET /api/v1/status} print. Names are part of the contract: fields may be added, never
 * renamed.
 */
public final class StatusCodec {

    private StatusCodec() {}

    public static ObjectNode encode(SourceStatus s) {
        ObjectNode node = Json.object();
        node.put("name", s.name());
        ObjectNode source = node.putObject("source");
        source.put("url", s.url());
        source.put("branch", s.branch());
        ArrayNode paths = source.putArray("paths");
        s.paths().forEach(paths::add);
        source.put("applyset", s.applyset());
        node.put("leader", s.leader());
        node.put("cycle", s.cycle());
        node.put("observedCommit", s.observedCommit());
        node.put("observedRevision", s.observedRevision());
        node.put("syncedCommit", s.syncedCommit());
        node.put("settled", s.settled());
        if (s.lastApply().isPresent()) {
            LastApply a = s.lastApply().get();
            ObjectNode apply = node.putObject("lastApply");
            apply.put("revision", a.revision());
            apply.put("commit", a.commit());
            apply.put("time", a.time().toString());
            apply.put("steps", a.steps());
            apply.put("digest", a.digest());
        } else {
            node.putNull("lastApply");
        }
        time(node, "lastCycle", s.lastCycle());
        time(node, "nextCycle", s.nextCycle());
        time(node, "lastSuccess", s.lastSuccess());
        ArrayNode conditions = node.putArray("conditions");
        for (Condition c : s.conditions()) {
            ObjectNode condition = conditions.addObject();
            condition.put("type", c.type().wireName());
            condition.put("status", c.status().wireName());
            condition.put("reason", c.reason());
            condition.put("message", c.message());
            condition.put("lastTransitionTime", c.lastTransitionTime().toString());
        }
        node.put("driftedObjects", s.driftedObjects());
        ArrayNode actions = node.putArray("externalActions");
        for (ExternalAction a : s.externalActions()) {
            ObjectNode action = actions.addObject();
            action.put("id", a.id());
            action.put("step", a.step());
            action.put("who", a.who());
            action.put("since", a.since().toString());
        }
        return node;
    }

    private static void time(ObjectNode node, String name, Optional<Instant> value) {
        if (value.isPresent()) {
            node.put(name, value.get().toString());
        } else {
            node.putNull(name);
        }
    }

    public static SourceStatus decode(JsonNode node) {
        JsonNode source = node.path("source");
        List<String> paths = new ArrayList<>();
        source.path("paths").forEach(p -> paths.add(p.asString()));
        JsonNode a = node.path("lastApply");
        Optional<LastApply> lastApply = a.isObject()
                ? Optional.of(new LastApply(
                        a.path("revision").asLong(),
                        a.path("commit").asString(""),
                        Instant.parse(a.path("time").asString()),
                        a.path("steps").asInt(),
                        a.path("digest").asString("")))
                : Optional.empty();
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : node.path("conditions")) {
            conditions.add(new Condition(
                    ConditionType.fromWireName(c.path("type").asString()),
                    ConditionStatus.fromWireName(c.path("status").asString()),
                    c.path("reason").asString(""),
                    c.path("message").asString(""),
                    Instant.parse(c.path("lastTransitionTime").asString())));
        }
        List<ExternalAction> actions = new ArrayList<>();
        for (JsonNode x : node.path("externalActions")) {
            actions.add(new ExternalAction(
                    x.path("id").asString(),
                    x.path("step").asString(),
                    x.path("who").asString(),
                    Instant.parse(x.path("since").asString())));
        }
        return new SourceStatus(
                node.path("name").asString(),
                source.path("url").asString(""),
                source.path("branch").asString(""),
                paths,
                source.path("applyset").asString(""),
                node.path("leader").asString(""),
                node.path("cycle").asLong(),
                node.path("observedCommit").asString(""),
                node.path("observedRevision").asLong(),
                node.path("syncedCommit").asString(""),
                node.path("settled").asBoolean(false),
                lastApply,
                instant(node, "lastCycle"),
                instant(node, "nextCycle"),
                instant(node, "lastSuccess"),
                conditions,
                node.path("driftedObjects").asInt(),
                actions);
    }

    private static Optional<Instant> instant(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isString() ? Optional.of(Instant.parse(value.asString())) : Optional.empty();
    }

    public static ObjectNode encode(HeldPlan plan) {
        ObjectNode node = Json.object();
        node.put("digest", plan.digest());
        node.put("baseRevision", plan.baseRevision());
        node.put("commit", plan.commit());
        node.put("steps", plan.steps());
        ObjectNode classes = node.putObject("classes");
        new TreeMap<>(plan.classes()).forEach(classes::put);
        node.put("heldAt", plan.heldAt().toString());
        if (plan.approval().isPresent()) {
            ObjectNode approval = node.putObject("approval");
            approval.put("by", plan.approval().get().by());
            approval.put("at", plan.approval().get().at().toString());
        } else {
            node.putNull("approval");
        }
        node.put("approveCommand", plan.approveCommand());
        return node;
    }

    public static ObjectNode encode(CycleEvent e) {
        ObjectNode node = Json.object();
        node.put("cycle", e.cycle());
        node.put("at", e.at().toString());
        node.put("outcome", e.outcome());
        node.put("commit", e.commit());
        node.put("revision", e.revision());
        node.put("message", e.message());
        return node;
    }

    /** A class count map from its JSON. */
    public static Map<String, Integer> classes(JsonNode node) {
        Map<String, Integer> out = new TreeMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    /** The classes as compact JSON, as the store keeps them. */
    public static String classesJson(Map<String, Integer> classes) {
        ObjectNode node = Json.object();
        new TreeMap<>(classes).forEach(node::put);
        return Json.compact(node);
    }
}
