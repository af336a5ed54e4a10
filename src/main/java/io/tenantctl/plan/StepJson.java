package io.tenantctl.plan;

import io.tenantctl.json.Json;
import io.tenantctl.model.Account;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.Profiles;
import io.tenantctl.step.Effect;
import io.tenantctl.step.ExternalAction;
import io.tenantctl.step.Impact;
import io.tenantctl.step.Op;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * A planned step as JSON, written one way: each member is written by one branch of {@link #member},
 * and only the order differs, the plan document's ({@link #DOCUMENT}) or name order for the
 * canonical form ({@link #CANONICAL}) that digests and the history keep. Steps are streamed, never
 * built as trees, because a plan can hold hundreds of thousands of them.
 */
public final class StepJson {

    /** The members of a step, in the order the plan document shows them (DESIGN.md section 4). */
    enum Member {
        INDEX("index"),
        OP("op"),
        TARGET("target"),
        ACCOUNT("account"),
        DOMAIN("domain"),
        FROM("from"),
        TO("to"),
        ACTOR("actor"),
        AUTHORITY("authority"),
        EFFECTS("effects"),
        IMPACT("impact"),
        TEMPORARY("temporary"),
        EXTERNAL("external"),
        OBJECT("object"),
        SIGN_UP("signUp");

        final String key;

        Member(String key) {
            this.key = key;
        }
    }

    /** The plan document's order. */
    static final List<Member> DOCUMENT = List.of(Member.values());

    /** Name order: the canonical form. */
    static final List<Member> CANONICAL =
            DOCUMENT.stream().sorted(Comparator.comparing((Member m) -> m.key)).toList();

    private StepJson() {}

    /** Writes the step as one JSON object, its members in {@code order}. */
    static void write(JsonGenerator gen, PlannedStep planned, List<Member> order) {
        gen.writeStartObject();
        boolean canonical = order == CANONICAL;
        for (Member member : order) {
            member(gen, planned, member, canonical);
        }
        gen.writeEndObject();
    }

    /** The step in canonical form as compact text: what the history keeps. */
    public static String canonical(PlannedStep planned) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator gen = Json.CANONICAL.createGenerator(out)) {
            write(gen, planned, CANONICAL);
        }
        return out.toString();
    }

    private static void member(JsonGenerator gen, PlannedStep planned, Member member, boolean canonical) {
        Step step = planned.step();
        switch (member) {
            case INDEX -> {
                gen.writeName(member.key);
                gen.writeNumber(planned.index());
            }
            case OP -> string(gen, member, step.op().wireName());
            case TARGET -> string(gen, member, step.target().toString());
            case ACCOUNT -> optional(gen, member, step.account());
            case DOMAIN -> optional(gen, member, step.domain());
            case FROM -> optional(gen, member, step.from());
            case TO -> optional(gen, member, step.to());
            case ACTOR -> {
                // Always present: null says that nobody in particular acts.
                gen.writeName(member.key);
                if (planned.actor().isPresent()) {
                    gen.writeString(planned.actor().get());
                } else {
                    gen.writeNull();
                }
            }
            case AUTHORITY -> string(gen, member, planned.authority());
            case EFFECTS -> {
                gen.writeName(member.key);
                gen.writeStartArray();
                for (Effect effect : planned.effects()) {
                    gen.writeString(effect.words());
                }
                gen.writeEndArray();
            }
            case IMPACT -> {
                // Written only when there is one, so that a plan saved before steps had an impact
                // reads and writes back byte for byte, with its digest.
                if (planned.impact().isEmpty()) {
                    return;
                }
                gen.writeName(member.key);
                gen.writeStartArray();
                for (Impact impact : planned.impact()) {
                    gen.writeString(impact.wireName());
                }
                gen.writeEndArray();
            }
            case TEMPORARY -> {
                // Only a temporary grant says so; every other step is as it always was.
                if (planned.temporary()) {
                    gen.writeName(member.key);
                    gen.writeBoolean(true);
                }
            }
            case EXTERNAL -> {
                // What someone outside tenantctl must do: derived from the step (its operation
                // says), written for people and pipelines, and read back from the step itself.
                Optional<ExternalAction> external = step.external();
                if (external.isPresent()) {
                    ExternalAction action = external.get();
                    gen.writeName(member.key);
                    gen.writeStartObject();
                    // in name order, as the canonical form needs
                    gen.writeStringProperty("id", action.id());
                    gen.writeStringProperty("what", action.what());
                    gen.writeStringProperty("who", action.who());
                    gen.writeEndObject();
                }
            }
            case OBJECT -> {
                if (step.object().isPresent()) {
                    gen.writeName(member.key);
                    manifest(gen, step.object().get(), canonical);
                }
            }
            case SIGN_UP -> {
                if (!step.signUp().isEmpty()) {
                    gen.writeName(member.key);
                    gen.writeStartArray();
                    for (Account a : step.signUp()) {
                        manifest(gen, a, canonical);
                    }
                    gen.writeEndArray();
                }
            }
        }
    }

    /**
     * An object's manifest: in canonical form streamed as it is (no tree built and sorted again,
     * for each of a first apply's hundred thousand objects), else as the codec orders it.
     */
    private static void manifest(JsonGenerator gen, WorldObject object, boolean canonical) {
        if (canonical) {
            ManifestCodec.writeCanonical(gen, object);
        } else {
            gen.writeTree(ManifestCodec.encode(object));
        }
    }

    /**
     * An optional member, written only when present. Tested with {@code isPresent} rather than
     * {@code ifPresent}: every step writes several, and under the launcher's C1 compiler each
     * capturing lambda is an allocation through a method handle.
     */
    private static void optional(JsonGenerator gen, Member member, Optional<String> value) {
        if (value.isPresent()) {
            string(gen, member, value.get());
        }
    }

    private static void string(JsonGenerator gen, Member member, String value) {
        gen.writeName(member.key);
        gen.writeString(value);
    }

    /** Reads a step as {@link #write} wrote it, in either order. */
    public static PlannedStep read(JsonNode n) {
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
