package io.tenantctl.plan;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.diag.Severity;
import io.tenantctl.diag.Silenced;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.FieldChange;
import io.tenantctl.json.Json;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.step.PlannedStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a saved plan file ({@link PlanWriter}'s document), refusing one that is not a plan of this
 * format version or whose digest does not match its content.
 */
public final class PlanReader {

    private PlanReader() {}

    /** The plan a file holds, with the digest it was checked against. */
    public static PlanDocument read(String text) throws InvalidPlanException {
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (JacksonException e) {
            throw new InvalidPlanException(
                    Codes.PLAN_DIGEST, "not a plan file: it is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (!root.isObject() || root.path("formatVersion").asInt(-1) != Plan.FORMAT_VERSION) {
            throw new InvalidPlanException(
                    Codes.PLAN_DIGEST, "not a plan file of format version " + Plan.FORMAT_VERSION);
        }
        String claimed = root.path("digest").asString("");
        String actual = digest(root);
        if (!actual.equals(claimed)) {
            throw new InvalidPlanException(
                    Codes.PLAN_DIGEST,
                    "the plan's digest does not match its content (it says "
                            + (claimed.isEmpty() ? "nothing" : claimed) + ", the content gives " + actual
                            + "); it was changed after it was made, so it is refused");
        }
        try {
            return new PlanDocument(plan(root), actual, made(root.path(PlanWriter.MADE)));
        } catch (RuntimeException e) {
            throw new InvalidPlanException(Codes.PLAN_DIGEST, "the plan file is malformed: " + e.getMessage());
        }
    }

    /**
     * The digest a plan document should carry: of everything in it but the digest, how it was made,
     * and the signature (which signs the digest, so a plan signed or not has one digest).
     */
    public static String digest(JsonNode document) {
        return Json.digestWithout(document, "digest", PlanWriter.MADE, "signature");
    }

    private static Optional<Provenance> made(JsonNode made) {
        if (!made.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Provenance(
                made.path("tenantctl").asString(""),
                Instant.parse(made.path("at").asString()),
                made.path("state").asString(""),
                made.path("stateExists").asBoolean(true),
                made.path("prune").asBoolean(),
                made.path("maxPrune").asDouble(),
                made.path("allowMassPrune").asBoolean(),
                made.path("forceAdopt").asBoolean()));
    }

    private static Plan plan(JsonNode root) {
        Base base = new Base(
                root.path("base").path("lineage").asString(""),
                root.path("base").path("revision").asLong());
        JsonNode s = root.path("summary");
        Summary summary = new Summary(
                s.path("create").asInt(),
                s.path("update").asInt(),
                s.path("delete").asInt(),
                s.path("unchanged").asInt(),
                s.path("kept").asInt(),
                s.path("adopt").asInt(),
                s.path("temporaryGrants").asInt(0),
                silenced(s.path("silencedWarnings")));
        List<Change> changes = new ArrayList<>();
        for (JsonNode c : root.path("changes")) {
            changes.add(new Change(
                    ChangeAction.fromWireName(c.path("action").asString()),
                    ref(c),
                    Optional.empty(),
                    Optional.empty(),
                    fields(c.path("fields"))));
        }
        List<PlannedStep> steps = new ArrayList<>();
        for (JsonNode n : root.path("steps")) {
            steps.add(StepJson.read(n));
        }
        List<Drift> drift = new ArrayList<>();
        for (JsonNode d : root.path("drift")) {
            drift.add(drift(d));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (JsonNode d : root.path("diagnostics")) {
            diagnostics.add(diagnostic(d));
        }
        List<ObjectRef> declared = new ArrayList<>();
        root.path("declared").forEach(r -> declared.add(ObjectRef.parse(r.asString())));
        return new Plan(
                base,
                root.path("profile").asString(""),
                strings(root.path("as")),
                stringMap(root.path("source")),
                root.path("applyset").asString(""),
                declared,
                summary,
                changes,
                steps,
                drift,
                diagnostics);
    }

    private static Drift drift(JsonNode d) {
        return new Drift(
                ref(d),
                Drift.Status.fromWireName(d.path("status").asString()),
                d.path("appliedRevision").asLong(),
                d.path("changedRevision").asLong(),
                d.path("time").asString(),
                strings(d.path("actors")),
                d.path("applyset").asString(),
                stringMap(d.path("source")),
                fields(d.path("fields")),
                d.path("observedBy").asString(""));
    }

    private static Diagnostic diagnostic(JsonNode d) {
        Location location = d.has("file")
                ? Location.of(
                        d.path("file").asString(),
                        d.path("line").asInt(),
                        d.path("column").asInt())
                : Location.NONE;
        return new Diagnostic(
                "error".equals(d.path("severity").asString()) ? Severity.ERROR : Severity.WARNING,
                d.path("code").asString(),
                d.path("message").asString(),
                location);
    }

    private static ObjectRef ref(JsonNode node) {
        return ObjectRef.parse(
                node.path("kind").asString() + "/" + node.path("name").asString());
    }

    private static List<FieldChange> fields(JsonNode array) {
        List<FieldChange> fields = new ArrayList<>();
        for (JsonNode f : array) {
            // A plan saved before element changes were recorded has none: it reads and writes back as it was.
            fields.add(new FieldChange(
                    f.path("path").asString(),
                    f.path("before"),
                    f.path("after"),
                    nodes(f.path("added")),
                    nodes(f.path("removed"))));
        }
        return fields;
    }

    private static List<JsonNode> nodes(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    /** {@code summary.silencedWarnings}: counts by code; absent (none silenced) in most plans. */
    private static Silenced silenced(JsonNode object) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        object.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return new Silenced(counts);
    }
}
