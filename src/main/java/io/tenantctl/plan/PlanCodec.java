package io.tenantctl.plan;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.diag.Severity;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.FieldChange;
import io.tenantctl.json.Json;
import io.tenantctl.model.Account;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.profile.Profiles;
import io.tenantctl.step.Effect;
import io.tenantctl.step.Impact;
import io.tenantctl.step.Op;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plan as JSON (DESIGN.md section 4): the {@code -o json} output and the saved plan file are
 * the same document. Its {@code digest} is the SHA-256 of the canonical form of everything else,
 * so that a plan edited after it was reviewed is refused.
 */
public final class PlanCodec {

    private PlanCodec() {}

    /** Why a plan file cannot be used. */
    public static final class InvalidPlanException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        InvalidPlanException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The plan as one JSON tree, digest included. For small plans and tests; large ones are written. */
    public static ObjectNode encode(Plan plan) {
        StringWriter text = new StringWriter();
        write(plan, text);
        return (ObjectNode) Json.parse(text.toString());
    }

    /**
     * Writes the plan as the indented JSON document of DESIGN.md section 4, item by item: a plan
     * of a few hundred thousand steps is never one tree in memory.
     */
    public static void write(Plan plan, Writer out) {
        String digest = digestOf(plan);
        try (JsonGenerator gen = Json.MAPPER.createGenerator(new FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush(); // the caller owns the writer
            }
        })) {
            gen.writeStartObject();
            for (Member member : members(plan, Optional.empty())) {
                gen.writeName(member.name());
                member.writer().write(gen, false);
            }
            gen.writeName("digest");
            gen.writeString(digest);
            gen.writeEndObject();
        }
        try {
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The digest of a plan: SHA-256 of the canonical form (keys sorted, no whitespace) of its
     * document without the digest, streamed item by item.
     */
    public static String digestOf(Plan plan) {
        return digest(plan, Optional.empty()).digest();
    }

    /**
     * The digest, and each step's canonical JSON, which the history keeps: computing both in one
     * pass encodes each step once instead of twice.
     */
    public record Digested(String digest, List<String> steps) {}

    /** {@link #digestOf}, keeping each step's canonical JSON text. */
    public static Digested digestKeepingSteps(Plan plan) {
        List<String> kept = new ArrayList<>(plan.steps().size());
        return digest(plan, Optional.of(kept));
    }

    private static Digested digest(Plan plan, Optional<List<String>> keptSteps) {
        Json.Sha256 sha = new Json.Sha256();
        try (JsonGenerator gen = Json.COMPACT.createGenerator(sha.stream())) {
            gen.writeStartObject();
            List<Member> members = new ArrayList<>(members(plan, keptSteps));
            members.sort((a, b) -> a.name().compareTo(b.name()));
            for (Member member : members) {
                gen.writeName(member.name());
                member.writer().write(gen, true);
            }
            gen.writeEndObject();
        }
        return new Digested(sha.hex(), keptSteps.orElse(List.of()));
    }

    /** How to write one top-level member: as the document shows it, or in canonical form. */
    @FunctionalInterface
    private interface MemberWriter {
        void write(JsonGenerator gen, boolean canonical);
    }

    /** One top-level member of the plan document. */
    private record Member(String name, MemberWriter writer) {}

    /**
     * The members of the plan document, in the order the document shows them (DESIGN.md section 4,
     * then the additions); the digest takes them in name order. One list, so that the document and
     * its digest can never disagree about what a plan holds.
     */
    private static List<Member> members(Plan plan, Optional<List<String>> keptSteps) {
        return List.of(
                new Member("formatVersion", (gen, canonical) -> gen.writeNumber(Plan.FORMAT_VERSION)),
                new Member("profile", (gen, canonical) -> gen.writeString(plan.profile())),
                new Member("base", (gen, canonical) -> tree(gen, base(plan), canonical)),
                new Member("as", (gen, canonical) -> tree(gen, as(plan), canonical)),
                new Member("source", (gen, canonical) -> tree(gen, Json.map(new TreeMap<>(plan.source())), canonical)),
                new Member("applyset", (gen, canonical) -> gen.writeString(plan.applyset())),
                new Member("summary", (gen, canonical) -> tree(gen, summary(plan), canonical)),
                new Member("changes", (gen, canonical) -> {
                    gen.writeStartArray();
                    for (Change change : plan.changes()) {
                        if (change.action() != ChangeAction.UNCHANGED) {
                            tree(gen, change(change), canonical);
                        }
                    }
                    gen.writeEndArray();
                }),
                new Member("steps", (gen, canonical) -> {
                    gen.writeStartArray();
                    for (PlannedStep step : plan.steps()) {
                        if (!canonical) {
                            gen.writeTree(step(step));
                        } else if (keptSteps.isPresent()) {
                            String json = stepJson(step);
                            keptSteps.get().add(json);
                            gen.writeRawValue(json);
                        } else {
                            writeStepCanonical(gen, step);
                        }
                    }
                    gen.writeEndArray();
                }),
                new Member("drift", (gen, canonical) -> {
                    gen.writeStartArray();
                    for (Drift d : plan.drift()) {
                        tree(gen, drift(d), canonical);
                    }
                    gen.writeEndArray();
                }),
                new Member("diagnostics", (gen, canonical) -> {
                    gen.writeStartArray();
                    for (Diagnostic d : plan.diagnostics()) {
                        tree(gen, diagnostic(d), canonical);
                    }
                    gen.writeEndArray();
                }),
                new Member("declared", (gen, canonical) -> {
                    gen.writeStartArray();
                    for (ObjectRef ref : plan.declared()) {
                        gen.writeString(ref.toString());
                    }
                    gen.writeEndArray();
                }));
    }

    private static void tree(JsonGenerator gen, JsonNode node, boolean canonical) {
        if (canonical) {
            Json.writeCanonical(gen, node);
        } else {
            gen.writeTree(node);
        }
    }

    private static ObjectNode base(Plan plan) {
        ObjectNode base = Json.object();
        base.put("lineage", plan.base().lineage());
        base.put("revision", plan.base().revision());
        return base;
    }

    private static ArrayNode as(Plan plan) {
        ArrayNode as = Json.array();
        plan.as().forEach(as::add);
        return as;
    }

    private static ObjectNode summary(Plan plan) {
        ObjectNode summary = Json.object();
        summary.put("create", plan.summary().create());
        summary.put("update", plan.summary().update());
        summary.put("delete", plan.summary().delete());
        summary.put("unchanged", plan.summary().unchanged());
        summary.put("kept", plan.summary().kept());
        summary.put("adopt", plan.summary().adopt());
        summary.put("temporaryGrants", plan.summary().temporaryGrants());
        return summary;
    }

    /** The digest a plan document should carry: of everything in it but the digest. */
    public static String digest(JsonNode document) {
        return Json.digestWithout(document, "digest");
    }

    public static ObjectNode drift(Drift d) {
        ObjectNode node = Json.object();
        node.put("kind", d.ref().kind().manifestName());
        node.put("name", d.ref().name());
        node.put("status", d.status());
        node.put("appliedRevision", d.appliedRevision());
        node.put("changedRevision", d.changedRevision());
        node.put("time", d.time());
        ArrayNode actors = node.putArray("actors");
        d.actors().forEach(actors::add);
        node.put("applyset", d.applyset());
        node.set("source", Json.map(new TreeMap<>(d.source())));
        node.set("fields", fields(d.fields()));
        return node;
    }

    private static ArrayNode fields(List<FieldChange> changes) {
        ArrayNode fields = Json.array();
        for (FieldChange f : changes) {
            ObjectNode field = fields.addObject();
            field.put("path", f.path());
            field.set("before", f.before());
            field.set("after", f.after());
        }
        return fields;
    }

    private static List<FieldChange> decodeFields(JsonNode array) {
        List<FieldChange> fields = new ArrayList<>();
        for (JsonNode f : array) {
            fields.add(new FieldChange(f.path("path").asString(), f.path("before"), f.path("after")));
        }
        return fields;
    }

    private static ObjectNode change(Change change) {
        ObjectNode node = Json.object();
        node.put("action", change.action().wireName());
        node.put("kind", change.ref().kind().manifestName());
        node.put("name", change.ref().name());
        node.set("fields", fields(change.fields()));
        return node;
    }

    /**
     * A step in canonical form (keys sorted), written straight to a generator: the same bytes as
     * {@code Json.writeCanonical(gen, step(planned))} without building the tree, for digests.
     */
    public static void writeStepCanonical(JsonGenerator gen, PlannedStep planned) {
        Step step = planned.step();
        gen.writeStartObject();
        optional(gen, "account", step.account());
        gen.writeName("actor");
        if (planned.actor().isPresent()) {
            gen.writeString(planned.actor().get());
        } else {
            gen.writeNull();
        }
        gen.writeName("authority");
        gen.writeString(planned.authority());
        optional(gen, "domain", step.domain());
        gen.writeName("effects");
        gen.writeStartArray();
        for (Effect effect : planned.effects()) {
            gen.writeString(effect.words());
        }
        gen.writeEndArray();
        optional(gen, "from", step.from());
        gen.writeName("impact");
        gen.writeStartArray();
        for (Impact impact : planned.impact()) {
            gen.writeString(impact.wireName());
        }
        gen.writeEndArray();
        gen.writeName("index");
        gen.writeNumber(planned.index());
        if (step.object().isPresent()) {
            gen.writeName("object");
            ManifestCodec.writeCanonical(gen, step.object().get());
        }
        gen.writeName("op");
        gen.writeString(step.op().wireName());
        if (!step.signUp().isEmpty()) {
            gen.writeName("signUp");
            gen.writeStartArray();
            for (Account a : step.signUp()) {
                ManifestCodec.writeCanonical(gen, a);
            }
            gen.writeEndArray();
        }
        gen.writeName("target");
        gen.writeString(step.target().toString());
        if (planned.temporary()) {
            gen.writeName("temporary");
            gen.writeBoolean(true);
        }
        optional(gen, "to", step.to());
        gen.writeEndObject();
    }

    /** A step as compact canonical JSON text: what the history keeps. */
    public static String stepJson(PlannedStep planned) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator gen = Json.COMPACT.createGenerator(out)) {
            writeStepCanonical(gen, planned);
        }
        return out.toString();
    }

    private static void optional(JsonGenerator gen, String name, Optional<String> value) {
        if (value.isPresent()) {
            gen.writeName(name);
            gen.writeString(value.get());
        }
    }

    public static ObjectNode step(PlannedStep planned) {
        Step step = planned.step();
        ObjectNode node = Json.object();
        node.put("index", planned.index());
        node.put("op", step.op().wireName());
        node.put("target", step.target().toString());
        step.account().ifPresent(a -> node.put("account", a));
        step.domain().ifPresent(d -> node.put("domain", d));
        step.from().ifPresent(f -> node.put("from", f));
        step.to().ifPresent(t -> node.put("to", t));
        if (planned.actor().isPresent()) {
            node.put("actor", planned.actor().get());
        } else {
            node.putNull("actor");
        }
        node.put("authority", planned.authority());
        ArrayNode effects = node.putArray("effects");
        planned.effects().forEach(e -> effects.add(e.words()));
        ArrayNode impact = node.putArray("impact");
        planned.impact().forEach(i -> impact.add(i.wireName()));
        if (planned.temporary()) {
            node.put("temporary", true);
        }
        step.object().ifPresent(o -> node.set("object", ManifestCodec.encode(o)));
        if (!step.signUp().isEmpty()) {
            ArrayNode signUp = node.putArray("signUp");
            step.signUp().forEach(a -> signUp.add(ManifestCodec.encode(a)));
        }
        return node;
    }

    public static ObjectNode diagnostic(Diagnostic d) {
        ObjectNode node = Json.object();
        node.put("severity", d.severity().label());
        node.put("code", d.code());
        node.put("message", d.message());
        if (d.location().isKnown()) {
            node.put("file", d.location().file());
            node.put("line", d.location().line());
            node.put("column", d.location().column());
        }
        return node;
    }

    /** Reads a saved plan, refusing one whose digest does not match its content. */
    public static Plan decode(String text) throws InvalidPlanException {
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
                    "the plan's digest does not match"
                            + " its content (it says " + (claimed.isEmpty() ? "nothing" : claimed)
                            + ", the content gives "
                            + actual + "); it was changed after it was made, so it is refused");
        }
        try {
            return decodeTrusted(root);
        } catch (RuntimeException e) {
            throw new InvalidPlanException(Codes.PLAN_DIGEST, "the plan file is malformed: " + e.getMessage());
        }
    }

    private static Plan decodeTrusted(JsonNode root) {
        Base base = new Base(
                root.path("base").path("lineage").asString(""),
                root.path("base").path("revision").asLong());
        List<String> as = new ArrayList<>();
        root.path("as").forEach(n -> as.add(n.asString()));
        Map<String, String> source = new TreeMap<>();
        root.path("source")
                .properties()
                .forEach(e -> source.put(e.getKey(), e.getValue().asString()));
        JsonNode s = root.path("summary");
        Summary summary = new Summary(
                s.path("create").asInt(),
                s.path("update").asInt(),
                s.path("delete").asInt(),
                s.path("unchanged").asInt(),
                s.path("kept").asInt(),
                s.path("adopt").asInt(),
                s.path("temporaryGrants").asInt(0));
        List<Change> changes = new ArrayList<>();
        for (JsonNode c : root.path("changes")) {
            List<FieldChange> fields = decodeFields(c.path("fields"));
            ObjectRef ref = ObjectRef.parse(
                    c.path("kind").asString() + "/" + c.path("name").asString());
            changes.add(new Change(
                    ChangeAction.fromWireName(c.path("action").asString()),
                    ref,
                    Optional.empty(),
                    Optional.empty(),
                    fields));
        }
        List<PlannedStep> steps = new ArrayList<>();
        for (JsonNode n : root.path("steps")) {
            steps.add(decodeStep(n));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (JsonNode d : root.path("diagnostics")) {
            Location location = d.has("file")
                    ? Location.of(
                            d.path("file").asString(),
                            d.path("line").asInt(),
                            d.path("column").asInt())
                    : Location.NONE;
            diagnostics.add(new Diagnostic(
                    "error".equals(d.path("severity").asString()) ? Severity.ERROR : Severity.WARNING,
                    d.path("code").asString(),
                    d.path("message").asString(),
                    location));
        }
        List<ObjectRef> declared = new ArrayList<>();
        root.path("declared").forEach(r -> declared.add(ObjectRef.parse(r.asString())));
        List<Drift> drift = new ArrayList<>();
        for (JsonNode d : root.path("drift")) {
            List<String> actors = new ArrayList<>();
            d.path("actors").forEach(a -> actors.add(a.asString()));
            Map<String, String> from = new TreeMap<>();
            d.path("source")
                    .properties()
                    .forEach(e -> from.put(e.getKey(), e.getValue().asString()));
            drift.add(new Drift(
                    ObjectRef.parse(
                            d.path("kind").asString() + "/" + d.path("name").asString()),
                    d.path("status").asString(),
                    d.path("appliedRevision").asLong(),
                    d.path("changedRevision").asLong(),
                    d.path("time").asString(),
                    actors,
                    d.path("applyset").asString(),
                    from,
                    decodeFields(d.path("fields"))));
        }
        return new Plan(
                base,
                root.path("profile").asString(""),
                as,
                source,
                root.path("applyset").asString(""),
                declared,
                summary,
                changes,
                steps,
                drift,
                diagnostics);
    }

    public static PlannedStep decodeStep(JsonNode n) {
        Op op = Profiles.operation(n.path("op").asString(""))
                .orElseThrow(() -> new IllegalArgumentException("unknown step " + n.path("op")));
        List<Account> signUp = new ArrayList<>();
        n.path("signUp").forEach(a -> signUp.add((Account) ManifestCodec.decode(a)));
        Step step = Step.fromWire(
                op,
                ObjectRef.parse(n.path("target").asString()),
                text(n, "account"),
                text(n, "domain"),
                text(n, "from"),
                text(n, "to"),
                n.has("object") ? Optional.of(ManifestCodec.decode(n.get("object"))) : Optional.empty(),
                signUp);
        List<Effect> effects = new ArrayList<>();
        n.path("effects").forEach(e -> effects.add(new Effect.Recorded(e.asString())));
        List<Impact> impact = new ArrayList<>();
        n.path("impact")
                .forEach(i -> impact.add(Impact.fromWireName(i.asString())
                        .orElseThrow(() -> new IllegalArgumentException("unknown impact " + i))));
        return new PlannedStep(
                n.path("index").asInt(),
                step,
                text(n, "actor"),
                n.path("authority").asString(""),
                effects,
                Impact.setOf(impact),
                n.path("temporary").asBoolean(false));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }
}
