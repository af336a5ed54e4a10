package io.tenantctl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.diff.ChangeSet;
import io.tenantctl.diff.Differ;
import io.tenantctl.generate.WorldGenerator;
import io.tenantctl.generate.WorldMutator;
import io.tenantctl.json.Json;
import io.tenantctl.model.Account;
import io.tenantctl.model.AccountType;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.Metadata;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.classic.ClassicProfile;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.world.World;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The canonical forms written straight to a generator (for digests of large plans) are exactly
 * the canonical forms of the trees the codecs build, so a plan's digest is the same whichever way
 * it is computed: from the plan when it is made, or from the saved file when it is applied. Those
 * tests compare two ways of the codec with each other; the tests "by hand" compare them with text
 * written out here, keys in sorted order and no whitespace, and with its SHA-256 computed here, so
 * that a fault both ways share (keys left unsorted, a member left out) is caught too.
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
            // Effects read back are their words (what the file holds); everything else is the same.
            PlannedStep read = StepJson.read(Json.parse(document));
            assertThat(StepJson.canonical(read)).isEqualTo(StepJson.canonical(step));
            assertThat(read.step()).isEqualTo(step.step());
            assertThat(read.impact()).isEqualTo(step.impact());
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
        // The steps kept for the history on the digest's way are each step's canonical form.
        PlanWriter.Digested kept = PlanWriter.digestKeepingSteps(plan);
        assertThat(kept.digest()).isEqualTo(PlanWriter.digestOf(plan));
        assertThat(plan.steps()).isNotEmpty();
        assertThat(kept.steps())
                .containsExactlyElementsOf(
                        plan.steps().stream().map(StepJson::canonical).toList());
    }

    @Test
    void aManifestsCanonicalFormIsTheOneWrittenByHand() {
        TreeMap<String, String> labels = new TreeMap<>(Map.of("team", "it", "app", "portal"));
        Tenant tenant = new Tenant(
                new Metadata("contoso", labels, new TreeMap<>()),
                "Contoso",
                "contoso.onmicrosoft.com",
                new TreeSet<>(List.of("contoso.com")),
                new TreeSet<>(List.of("msmith@contoso.com", "MSmith@Hotmail.com")));
        String byHand = "{\"apiVersion\":\"tenantctl.io/v1\",\"kind\":\"Tenant\","
                + "\"metadata\":{\"labels\":{\"app\":\"portal\",\"team\":\"it\"},\"name\":\"contoso\"},"
                + "\"spec\":{\"displayName\":\"Contoso\",\"domains\":[\"contoso.com\"],"
                + "\"globalAdministrators\":[\"msmith@contoso.com\",\"msmith@hotmail.com\"],"
                + "\"initialDomain\":\"contoso.onmicrosoft.com\"}}";

        assertThat(written(g -> ManifestCodec.writeCanonical(g, tenant))).isEqualTo(byHand);
        assertThat(Json.canonical(ManifestCodec.encode(tenant))).isEqualTo(byHand);
    }

    @Test
    void aPlansDigestIsTheSha256OfItsCanonicalJsonWrittenByHand() {
        Account pat = new Account(
                new Metadata("pat", new TreeMap<>(), new TreeMap<>()),
                AccountType.MICROSOFT_ACCOUNT,
                "Pat@Outlook.com",
                Optional.of("Pat"));
        ChangeSet changes =
                new Differ().diff(List.of(pat), World.empty(), o -> true).changeSet();
        Plan plan = new Plan(
                new Base("lineage-1", 4),
                "classic",
                List.of("pat@outlook.com"),
                Map.of("paths", "manifests"),
                "default",
                List.of(pat.ref()),
                Summary.NONE,
                changes.changes(),
                new Planner(ClassicProfile.PROFILE)
                        .schedule(World.empty(), changes, List.of())
                        .steps(),
                List.of(),
                List.of());
        // Every member of the document but the digest, each object's keys in sorted order.
        String byHand = String.join(
                "",
                "{\"applyset\":\"default\",",
                "\"as\":[\"pat@outlook.com\"],",
                "\"base\":{\"lineage\":\"lineage-1\",\"revision\":4},",
                "\"changes\":[{\"action\":\"create\",\"fields\":[",
                "{\"after\":\"Pat@Outlook.com\",\"before\":null,\"path\":\"/spec/signInName\"},",
                "{\"after\":\"MicrosoftAccount\",\"before\":null,\"path\":\"/spec/type\"},",
                "{\"after\":\"Pat\",\"before\":null,\"path\":\"/spec/displayName\"}],",
                "\"kind\":\"Account\",\"name\":\"pat\"}],",
                "\"declared\":[\"Account/pat\"],",
                "\"diagnostics\":[],",
                "\"drift\":[],",
                "\"formatVersion\":1,",
                "\"profile\":\"classic\",",
                "\"source\":{\"paths\":\"manifests\"},",
                "\"steps\":[{\"actor\":null,",
                "\"authority\":\"nobody in particular: it registers or forgets an outside identity\",",
                "\"effects\":[],\"impact\":[\"create\"],\"index\":1,",
                "\"object\":{\"apiVersion\":\"tenantctl.io/v1\",\"kind\":\"Account\",\"metadata\":{\"name\":\"pat\"},",
                "\"spec\":{\"displayName\":\"Pat\",\"signInName\":\"Pat@Outlook.com\",\"type\":\"MicrosoftAccount\"}},",
                "\"op\":\"CreateAccount\",\"target\":\"Account/pat\"}],",
                "\"summary\":{\"adopt\":0,\"create\":0,\"delete\":0,\"kept\":0,\"unchanged\":0,\"update\":0}}");
        String expected = sha256(byHand);

        StringWriter text = new StringWriter();
        PlanWriter.write(PlanDocument.of(plan), text);
        JsonNode document = Json.parse(text.toString());
        assertThat(PlanWriter.digestOf(plan)).isEqualTo(expected);
        assertThat(document.path("digest").asString()).isEqualTo(expected);
        assertThat(PlanReader.digest(document)).isEqualTo(expected);
    }

    /** {@code sha256:<hex>}, computed here rather than by the code under test. */
    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<PlannedStep> concat(List<PlannedStep> a, List<PlannedStep> b) {
        ArrayList<PlannedStep> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
