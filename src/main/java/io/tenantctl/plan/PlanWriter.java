package io.tenantctl.plan;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.FieldChange;
import io.tenantctl.json.Json;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.step.PlannedStep;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the plan as JSON (DESIGN.md section 4): the {@code -o json} output and the saved plan file
 * are the same document, whose {@code digest} is the SHA-256 of the canonical form of everything
 * else, so that a plan edited after it was reviewed is refused ({@link PlanReader}). Also the JSON
 * of the parts other documents show on their own: a diagnostic and a drifted object.
 */
public final class PlanWriter {

    /** The member that says how the plan was made; outside the digest (see {@link Provenance}). */
    static final String MADE = "made";

    private PlanWriter() {}

    /**
     * Writes the document indented, item by item (a plan of a few hundred thousand steps is never
     * one tree in memory), and a final newline; the writer stays open.
     */
    public static void write(PlanDocument document, Writer out) {
        Json.pretty(out, gen -> write(document, gen));
    }

    /** Writes the document as the next value of a generator, also inside a larger document. */
    public static void write(PlanDocument document, JsonGenerator gen) {
        gen.writeStartObject();
        for (Member member : members(document.plan(), StepJson.DOCUMENT, Optional.empty())) {
            gen.writeName(member.name());
            member.value().accept(gen);
        }
        if (document.made().isPresent()) {
            gen.writeName(MADE);
            gen.writeTree(made(document.made().get()));
        }
        gen.writeName("digest");
        gen.writeString(document.digest());
        gen.writeEndObject();
    }

    private static ObjectNode made(Provenance made) {
        ObjectNode node = Json.object();
        node.put("tenantctl", made.tool());
        node.put("at", made.at().toString());
        node.put("state", made.state());
        node.put("stateExists", made.stateExists());
        node.put("prune", made.prune());
        node.put("maxPrune", made.maxPrune());
        node.put("allowMassPrune", made.allowMassPrune());
        node.put("forceAdopt", made.forceAdopt());
        return node;
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
        return digest(plan, Optional.of(new ArrayList<>(plan.steps().size())));
    }

    private static Digested digest(Plan plan, Optional<List<String>> keptSteps) {
        Json.Sha256 sha = new Json.Sha256();
        Recorder recorder = new Recorder(sha.stream());
        try (JsonGenerator gen = Json.CANONICAL.createGenerator(recorder)) {
            gen.writeStartObject();
            List<Member> members =
                    new ArrayList<>(members(plan, StepJson.CANONICAL, keptSteps.map(kept -> new Kept(kept, recorder))));
            members.sort(Comparator.comparing(Member::name));
            for (Member member : members) {
                gen.writeName(member.name());
                member.value().accept(gen);
            }
            gen.writeEndObject();
        }
        return new Digested(sha.hex(), keptSteps.orElse(List.of()));
    }

    /** One top-level member of the plan document and how to write its value. */
    private record Member(String name, Consumer<JsonGenerator> value) {}

    /** Where each step's canonical JSON is kept, and the stream that records it on its way to the digest. */
    private record Kept(List<String> steps, Recorder recorder) {}

    /**
     * Passes the canonical plan on to the digest and, between {@link #start} and {@link #stop},
     * also keeps what passes: each step is encoded once, straight to UTF-8, for the digest and the
     * history alike, instead of as a string first and then again as bytes.
     */
    private static final class Recorder extends OutputStream {
        private final OutputStream out;
        private byte[] kept = new byte[1024];
        private int size = -1;

        Recorder(OutputStream out) {
            this.out = out;
        }

        void start() {
            size = 0;
        }

        /** What passed since {@link #start}, without the separator the generator put before it. */
        String stop() {
            int from = size > 0 && kept[0] == ',' ? 1 : 0;
            String text = new String(kept, from, size - from, StandardCharsets.UTF_8);
            size = -1;
            return text;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (size >= 0) {
                if (size + len > kept.length) {
                    kept = Arrays.copyOf(kept, Math.max(kept.length * 2, size + len));
                }
                System.arraycopy(b, off, kept, size, len);
                size += len;
            }
            out.write(b, off, len);
        }
    }

    /**
     * The members of the plan document, in the order the document shows them (DESIGN.md section 4,
     * then the additions); the digest takes them in name order, and its generator sorts the keys
     * of every tree. One list, so that the document and its digest can never disagree about what
     * a plan holds.
     */
    private static List<Member> members(Plan plan, List<StepJson.Member> stepOrder, Optional<Kept> keptSteps) {
        return List.of(
                new Member("formatVersion", gen -> gen.writeNumber(Plan.FORMAT_VERSION)),
                new Member("profile", gen -> gen.writeString(plan.profile())),
                new Member("base", gen -> gen.writeTree(base(plan))),
                new Member("as", gen -> gen.writeTree(strings(plan.as()))),
                new Member("source", gen -> gen.writeTree(Json.map(new TreeMap<>(plan.source())))),
                new Member("applyset", gen -> gen.writeString(plan.applyset())),
                new Member("summary", gen -> gen.writeTree(summary(plan.summary()))),
                new Member("changes", gen -> {
                    gen.writeStartArray();
                    for (Change change : plan.changes()) {
                        if (change.action() != ChangeAction.UNCHANGED) {
                            gen.writeTree(change(change));
                        }
                    }
                    gen.writeEndArray();
                }),
                new Member("steps", gen -> {
                    gen.writeStartArray();
                    for (PlannedStep step : plan.steps()) {
                        if (keptSteps.isPresent()) {
                            Kept kept = keptSteps.get();
                            gen.flush();
                            kept.recorder().start();
                            StepJson.write(gen, step, stepOrder);
                            gen.flush();
                            kept.steps().add(kept.recorder().stop());
                        } else {
                            StepJson.write(gen, step, stepOrder);
                        }
                    }
                    gen.writeEndArray();
                }),
                new Member("drift", gen -> {
                    gen.writeStartArray();
                    for (Drift d : plan.drift()) {
                        gen.writeTree(drift(d));
                    }
                    gen.writeEndArray();
                }),
                new Member("diagnostics", gen -> {
                    gen.writeStartArray();
                    for (Diagnostic d : plan.diagnostics()) {
                        gen.writeTree(diagnostic(d));
                    }
                    gen.writeEndArray();
                }),
                new Member("declared", gen -> {
                    gen.writeStartArray();
                    for (ObjectRef ref : plan.declared()) {
                        gen.writeString(ref.toString());
                    }
                    gen.writeEndArray();
                }));
    }

    private static ObjectNode base(Plan plan) {
        ObjectNode base = Json.object();
        base.put("lineage", plan.base().lineage());
        base.put("revision", plan.base().revision());
        return base;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }

    private static ObjectNode summary(Summary s) {
        ObjectNode summary = Json.object();
        summary.put("create", s.create());
        summary.put("update", s.update());
        summary.put("delete", s.delete());
        summary.put("unchanged", s.unchanged());
        summary.put("kept", s.kept());
        summary.put("adopt", s.adopt());
        if (s.temporaryGrants() > 0) {
            // Only when there are any: a plan saved before temporary grants existed keeps its digest.
            summary.put("temporaryGrants", s.temporaryGrants());
        }
        if (!s.silenced().isEmpty()) {
            // Only when there are any, for the same reason.
            ObjectNode silenced = summary.putObject("silencedWarnings");
            s.silenced().byCode().forEach(silenced::put);
        }
        return summary;
    }

    private static ObjectNode change(Change change) {
        ObjectNode node = Json.object();
        node.put("action", change.action().wireName());
        node.put("kind", change.ref().kind().manifestName());
        node.put("name", change.ref().name());
        node.set("fields", fields(change.fields()));
        return node;
    }

    /** A drifted object as the plan's {@code drift} and {@code drift -o json} show it. */
    public static ObjectNode drift(Drift d) {
        ObjectNode node = Json.object();
        node.put("kind", d.ref().kind().manifestName());
        node.put("name", d.ref().name());
        node.put("status", d.status().wireName());
        node.put("appliedRevision", d.appliedRevision());
        node.put("changedRevision", d.changedRevision());
        node.put("time", d.time());
        node.set("actors", strings(d.actors()));
        node.put("applyset", d.applyset());
        node.set("source", Json.map(new TreeMap<>(d.source())));
        node.set("fields", fields(d.fields()));
        // Only a live drift has it, so that plans with drift written before it read back byte for byte.
        if (!d.observedBy().isEmpty()) {
            node.put("observedBy", d.observedBy());
        }
        return node;
    }

    private static ArrayNode fields(List<FieldChange> changes) {
        ArrayNode fields = Json.array();
        for (FieldChange f : changes) {
            fields.add(field(f));
        }
        return fields;
    }

    /**
     * A field change as the plan, drift and history show it: {@code before} and {@code after}, and
     * for a list the elements {@code added} and {@code removed}, only when there are any (so that a
     * plan saved before they existed writes back byte for byte).
     */
    public static ObjectNode field(FieldChange f) {
        ObjectNode field = Json.object();
        field.put("path", f.path());
        field.set("before", f.before());
        field.set("after", f.after());
        if (f.hasElements()) {
            field.set("added", nodes(f.added()));
            field.set("removed", nodes(f.removed()));
        }
        return field;
    }

    private static ArrayNode nodes(List<JsonNode> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }

    /** A diagnostic as the plan's {@code diagnostics} and {@code validate -o json} show it. */
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
}
