package io.tenantctl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.diff.Differ;
import io.tenantctl.generate.WorldGenerator;
import io.tenantctl.generate.WorldMutator;
import io.tenantctl.json.Json;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.classic.ClassicProfile;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.World;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The canonical forms written straight to a generator (for digests of large plans) are exactly
 * the canonical forms of the documents, sorted by Jackson, so a plan's digest is the same whichever
 * way it is computed: from the plan when it is made, or from the saved file when it is applied.
 */
class CanonicalFormTest {

    private static String written(Consumer<JsonGenerator> write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator gen = Json.COMPACT.createGenerator(out)) {
            write.accept(gen);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void manifestsWrittenDirectlyAreTheCanonicalFormOfTheirTrees() {
        World world = new WorldGenerator(11).generate(400);
        World changed = new WorldMutator(12, ClassicProfile.LIMITS).mutate(world, 0.5);
        for (WorldObject object : changed.objects()) {
            assertThat(written(g -> ManifestCodec.writeCanonical(g, object)))
                    .isEqualTo(Json.canonical(ManifestCodec.encode(object)));
        }
    }

    @Test
    void stepsWrittenDirectlyAreTheCanonicalFormOfTheirTrees() {
        World a = new WorldGenerator(13).generate(300);
        World b = new WorldMutator(14, ClassicProfile.LIMITS).mutate(a, 0.6);
        List<PlannedStep> steps = new Planner(ClassicProfile.PROFILE)
                .schedule(a, new Differ().diff(b.objects(), a, o -> true).changeSet(), List.of())
                .steps();
        List<PlannedStep> fromScratch = new Planner(ClassicProfile.PROFILE)
                .schedule(
                        World.empty(),
                        new Differ().diff(a.objects(), World.empty(), o -> true).changeSet(),
                        List.of())
                .steps();
        assertThat(steps).isNotEmpty();
        for (PlannedStep step : concat(steps, fromScratch)) {
            String document = written(g -> StepJson.write(g, step, StepJson.DOCUMENT));
            assertThat(StepJson.canonical(step)).isEqualTo(Json.canonical(Json.parse(document)));
            assertThat(StepJson.read(Json.parse(document))).isEqualTo(step);
        }
    }

    @Test
    void aPlansDigestIsTheDigestOfItsDocument() {
        World a = new WorldGenerator(15).generate(200);
        World b = new WorldMutator(16, ClassicProfile.LIMITS).mutate(a, 0.3);
        Plan plan = new Plan(
                new Base("lineage", 4),
                "classic",
                List.of("x@outlook.com"),
                Map.of("paths", "here"),
                "default",
                b.objects().stream().map(WorldObject::ref).toList(),
                Summary.NONE,
                new Differ().diff(b.objects(), a, o -> true).changeSet().changes(),
                new Planner(ClassicProfile.PROFILE)
                        .schedule(
                                a, new Differ().diff(b.objects(), a, o -> true).changeSet(), List.of())
                        .steps(),
                List.of(),
                List.of());
        StringWriter text = new StringWriter();
        PlanWriter.write(PlanDocument.of(plan), text);
        JsonNode document = Json.parse(text.toString());
        assertThat(PlanReader.digest(document)).isEqualTo(PlanWriter.digestOf(plan));
        assertThat(document.path("digest").asString()).isEqualTo(PlanWriter.digestOf(plan));
    }

    private static List<PlannedStep> concat(List<PlannedStep> a, List<PlannedStep> b) {
        ArrayList<PlannedStep> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
