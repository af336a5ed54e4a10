package io.tenantctl.sign;

import io.tenantctl.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signature a saved plan carries in its {@code signature} member: an Ed25519 signature of the
 * plan's digest (which covers everything else in the document), so that signing a plan of a
 * hundred thousand steps signs 71 bytes. The digest leaves {@code signature} out, as it leaves
 * itself out, so a signed plan and the same plan unsigned have one digest.
 *
 * @param algorithm always {@code Ed25519}
 * @param value     the signature, base64
 */
public record PlanSignature(String algorithm, String value) {

    /** The member of the plan document that holds it. */
    public static final String MEMBER = "signature";

    /**
     * What is signed: a context line, so that a signature of a plan can never be taken for a
     * signature of anything else made with the same key, then the digest.
     */
    static byte[] message(String digest) {
        return ("tenantctl plan signature v1\n" + digest).getBytes(StandardCharsets.UTF_8);
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("algorithm", algorithm);
        node.put("value", value);
        return node;
    }

    /** The signature of a plan document, if it has one; a malformed one reads as a signature that fails. */
    public static Optional<PlanSignature> of(JsonNode document) {
        JsonNode node = document.path(MEMBER);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new PlanSignature(
                node.path("algorithm").asString(""), node.path("value").asString("")));
    }
}
