package io.tenantctl.sign;

import io.tenantctl.json.Json;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import tools.jackson.databind.node.ObjectNode;

/** Signs saved plans with one private key. */
public final class Signer {

    private final PrivateKey key;

    public Signer(PrivateKey key) {
        this.key = key;
    }

    /** The signature of a plan with this digest. */
    public PlanSignature sign(String digest) {
        try {
            Signature ed = Signature.getInstance(Keys.ALGORITHM);
            ed.initSign(key);
            ed.update(PlanSignature.message(digest));
            return new PlanSignature(Keys.ALGORITHM, Base64.getEncoder().encodeToString(ed.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot sign with Ed25519", e);
        }
    }

    /**
     * The plan document text with its signature added after the digest; everything else stays as
     * it was written, and the digest does not change.
     */
    public String signDocument(String documentText) {
        ObjectNode document = (ObjectNode) Json.parse(documentText);
        document.set(
                PlanSignature.MEMBER, sign(document.path("digest").asString()).toJson());
        return Json.pretty(document) + "\n";
    }
}
