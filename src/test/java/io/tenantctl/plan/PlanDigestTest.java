package io.tenantctl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeAction;
import io.tenantctl.diff.FieldChange;
import io.tenantctl.json.Json;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.profile.classic.ClassicOp;
import io.tenantctl.step.Effect;
import io.tenantctl.step.PlannedStep;
import io.tenantctl.step.Step;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A plan's digest against one computed without any of the code that writes plans: the canonical
 * form written out by hand (keys sorted by UTF-16 code unit at every level, no whitespace, UTF-8)
 * and hashed with the JDK's SHA-256. Whatever does the sorting (Jackson's features today), the
 * digest of a plan is what DESIGN.md says it is.
 */
class PlanDigestTest {

    private static final ObjectRef TENANT = ObjectRef.tenant("t");

    private static Plan plan() {
        PlannedStep create = PlannedStep.of(
                1,
                Step.withObject(
                        ClassicOp.CREATE_ACCOUNT,
                        ManifestCodec.decode(Json.parse("{\"apiVersion\": \"tenantctl.io/v1\", \"kind\": \"Account\","
                                + " \"metadata\": {\"name\": \"jo\", \"labels\": {\"team\": \"b\", \"Area\": \"a\"}},"
                                + " \"spec\": {\"signInName\": \"jo@x.com\", \"type\": \"WorkOrSchool\","
                                + " \"displayName\": \"Jos\u00e9\"}}"))),
                Optional.empty(),
                "none needed",
                List.of());
        PlannedStep grant = PlannedStep.of(
                2,
                Step.forAccount(ClassicOp.ADD_GLOBAL_ADMIN, TENANT, "b@x.com"),
                Optional.of("a@x.com"),
                "global administrator of Tenant/t",
                List.of(new Effect.Recorded("e1"), new Effect.Recorded("e0")));
        FieldChange renamed =
                FieldChange.of("/spec/displayName", Json.NODES.stringNode("A"), Json.NODES.stringNode("B"));
        return new Plan(
                new Base("lin-1", 7),
                "classic",
                List.of("b@x.com"),
                Map.of("ref", "main", "paths", "m", "Zone", "z"),
                "default",
                List.of(TENANT),
                new Summary(1, 2, 3, 4, 5, 6),
                List.of(
                        new Change(ChangeAction.UPDATE, TENANT, Optional.empty(), Optional.empty(), List.of(renamed)),
                        new Change(
                                ChangeAction.UNCHANGED,
                                ObjectRef.account("jo"),
                                Optional.empty(),
                                Optional.empty(),
                                List.of())),
                List.of(create, grant),
                List.of(new Drift(
                        TENANT,
                        Drift.Status.CHANGED,
                        1,
                        2,
                        "2026-01-01T00:00:00Z",
                        List.of("c@x.com"),
                        "platform",
                        Map.of("paths", "p"),
                        List.of(renamed),
                        "")),
                List.of(Diagnostic.error("unauthorized", "no \"one\"", Location.of("m/t.yaml", 3, 5))));
    }

    /** The plan above in canonical form, written by hand. */
    private static final String CANONICAL = String.join(
            "",
            "{\"applyset\":\"default\",",
            "\"as\":[\"b@x.com\"],",
            "\"base\":{\"lineage\":\"lin-1\",\"revision\":7},",
            "\"changes\":[{\"action\":\"update\",\"fields\":[{\"after\":\"B\",\"before\":\"A\",",
            "\"path\":\"/spec/displayName\"}],\"kind\":\"Tenant\",\"name\":\"t\"}],",
            "\"declared\":[\"Tenant/t\"],",
            "\"diagnostics\":[{\"code\":\"unauthorized\",\"column\":5,\"file\":\"m/t.yaml\",\"line\":3,",
            "\"message\":\"no \\\"one\\\"\",\"severity\":\"error\"}],",
            "\"drift\":[{\"actors\":[\"c@x.com\"],\"appliedRevision\":1,\"applyset\":\"platform\",",
            "\"changedRevision\":2,\"fields\":[{\"after\":\"B\",\"before\":\"A\",\"path\":\"/spec/displayName\"}],",
            "\"kind\":\"Tenant\",\"name\":\"t\",\"source\":{\"paths\":\"p\"},\"status\":\"changed\",",
            "\"time\":\"2026-01-01T00:00:00Z\"}],",
            "\"formatVersion\":1,",
            "\"profile\":\"classic\",",
            "\"source\":{\"Zone\":\"z\",\"paths\":\"m\",\"ref\":\"main\"},",
            "\"steps\":[",
            "{\"actor\":null,\"authority\":\"none needed\",\"effects\":[],\"impact\":[\"create\"],\"index\":1,",
            "\"object\":{\"apiVersion\":\"tenantctl.io/v1\",\"kind\":\"Account\",",
            "\"metadata\":{\"labels\":{\"Area\":\"a\",\"team\":\"b\"},\"name\":\"jo\"},",
            "\"spec\":{\"displayName\":\"Jos\u00e9\",\"signInName\":\"jo@x.com\",\"type\":\"WorkOrSchool\"}},",
            "\"op\":\"CreateAccount\",\"target\":\"Account/jo\"},",
            "{\"account\":\"b@x.com\",\"actor\":\"a@x.com\",\"authority\":\"global administrator of Tenant/t\",",
            "\"effects\":[\"e1\",\"e0\"],\"impact\":[\"grant\"],\"index\":2,\"op\":\"AddGlobalAdmin\",\"target\":\"Tenant/t\"}],",
            "\"summary\":{\"adopt\":6,\"create\":1,\"delete\":3,\"kept\":5,\"unchanged\":4,\"update\":2}}");

    private static String sha256(String text) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        return "sha256:" + HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theDigestIsTheSha256OfTheHandWrittenCanonicalForm() throws Exception {
        String expected = sha256(CANONICAL);

        assertThat(PlanWriter.digestOf(plan())).isEqualTo(expected);
        assertThat(PlanWriter.digestKeepingSteps(plan()).digest()).isEqualTo(expected);
    }

    @Test
    void theSavedDocumentCarriesItAndIsCheckedAgainstIt() throws Exception {
        StringWriter text = new StringWriter();
        PlanWriter.write(PlanDocument.of(plan()), text);
        JsonNode document = Json.parse(text.toString());

        assertThat(document.path("digest").asString()).isEqualTo(sha256(CANONICAL));
        assertThat(PlanReader.digest(document)).isEqualTo(sha256(CANONICAL));
        assertThat(Json.canonical(Json.parse(CANONICAL)))
                .as("the hand-written form is canonical")
                .isEqualTo(CANONICAL);
        assertThat(PlanReader.read(text.toString()).digest()).isEqualTo(sha256(CANONICAL));
    }

    @Test
    void theHistoryKeepsEachStepInCanonicalForm() {
        List<String> steps = PlanWriter.digestKeepingSteps(plan()).steps();

        assertThat(steps).hasSize(2);
        assertThat(CANONICAL).contains("[" + steps.get(0) + "," + steps.get(1) + "]");
        assertThat(steps.get(1)).startsWith("{\"account\":\"b@x.com\",\"actor\":\"a@x.com\"");
    }
}
