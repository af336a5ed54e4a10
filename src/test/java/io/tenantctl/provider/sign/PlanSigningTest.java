package io.tenantctl.provider.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantctl.json.Json;
import io.tenantctl.plan.PlanReader;
import io.tenantctl.sign.Keys;
import io.tenantctl.sign.PlanSignature;
import io.tenantctl.sign.Signer;
import io.tenantctl.sign.Verifier;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Ed25519 signatures of saved plans, through the JDK, over the plan's digest. */
class PlanSigningTest {

    static final String PLAN = """
            {"formatVersion": 1, "profile": "classic", "base": {"lineage": "l", "revision": 3},
             "steps": [{"index": 1, "op": "AddGlobalAdmin", "target": "Tenant/contoso", "account": "a@b.c"}]}
            """;

    static KeyPair pair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** A plan document with its digest, as {@code plan --out} writes it. */
    static String document() {
        ObjectNode doc = (ObjectNode) Json.parse(PLAN);
        doc.put("digest", PlanReader.digest(doc));
        return Json.pretty(doc);
    }

    static Verifier.Result verify(String signedText, List<PublicKey> trusted) {
        JsonNode doc = Json.parse(signedText);
        return new Verifier(trusted).verify(PlanReader.digest(doc), PlanSignature.of(doc));
    }

    @Test
    void aSignedPlanVerifiesWithItsKeyAndKeepsItsDigest() throws Exception {
        KeyPair key = pair();
        String original = document();
        String signed = new Signer(Keys.privateKey(Keys.pem(key.getPrivate()), "test key")).signDocument(original);

        assertThat(PlanReader.digest(Json.parse(signed)))
                .isEqualTo(Json.parse(original).path("digest").asString());
        assertThat(verify(signed, List.of(pair().getPublic(), key.getPublic())))
                .isEqualTo(new Verifier.Signed(Keys.fingerprint(key.getPublic())));
        assertThat(Keys.fingerprint(key.getPublic())).startsWith("SHA256:").hasSize(7 + 43);
    }

    @Test
    void anEditedStepWithARecomputedDigestNoLongerVerifies() throws Exception {
        KeyPair key = pair();
        String signed = new Signer(key.getPrivate()).signDocument(document());
        ObjectNode edited = (ObjectNode) Json.parse(signed);
        ((ObjectNode) edited.path("steps").get(0)).put("account", "mallory@evil.example");
        edited.put("digest", PlanReader.digest(edited));

        Verifier.Result result = verify(Json.pretty(edited), List.of(key.getPublic()));

        assertThat(result).isInstanceOf(Verifier.BadSignature.class);
        assertThat(((Verifier.BadSignature) result).why()).contains("changed after it was signed");
    }

    @Test
    void anotherKeysSignatureAnUnsignedPlanAndNoTrustedKeyAreEachTold() throws Exception {
        String signed = new Signer(pair().getPrivate()).signDocument(document());

        assertThat(verify(signed, List.of(pair().getPublic()))).isInstanceOf(Verifier.BadSignature.class);
        assertThat(verify(document(), List.of(pair().getPublic()))).isEqualTo(new Verifier.Unsigned());
        assertThat(verify(signed, List.of()))
                .isEqualTo(new Verifier.BadSignature("no trusted public key was given to check it with"));
    }

    @Test
    void keysAreReadFromPemAndAProblemNamesWhereNeverWhat() throws Exception {
        KeyPair a = pair();
        KeyPair b = pair();
        assertThat(Keys.publicKeys(Keys.pem(a.getPublic()) + Keys.pem(b.getPublic()), "keys.pem"))
                .containsExactly(a.getPublic(), b.getPublic());
        String secretish = "-----BEGIN PRIVATE KEY-----\nAAAAsecretbytes\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> Keys.privateKey(secretish, "TENANTCTL_SIGNING_KEY"))
                .hasMessage("TENANTCTL_SIGNING_KEY does not hold an Ed25519 private key (PKCS#8 PEM)");
        assertThatThrownBy(() -> Keys.privateKey("", "key.pem"))
                .hasMessage("key.pem holds 0 private keys; give exactly one");
        assertThatThrownBy(() -> Keys.publicKeys(Keys.pem(a.getPrivate()), "trusted.pem"))
                .hasMessage("trusted.pem holds no public key (a PEM block BEGIN PUBLIC KEY)");
    }
}
