package io.tenantctl.agent.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The check of {@code X-Hub-Signature-256: sha256=<hex>}, as GitHub signs pushes: HMAC-SHA256 of the
 * raw body with the shared secret, compared in constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Hub-Signature-256";

    private WebhookSignature() {}

    /** What the check found. */
    public enum Verdict {
        VALID,
        /** No signature header. */
        MISSING,
        /** A header that is not {@code sha256=} and 64 hex digits. */
        MALFORMED,
        /** Well formed, and wrong. */
        WRONG
    }

    public static Verdict check(byte[] secret, byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        String value = header.trim();
        if (!value.startsWith("sha256=") || !value.substring(7).matches("[0-9a-fA-F]{64}")) {
            return Verdict.MALFORMED;
        }
        byte[] given = HexFormat.of().parseHex(value.substring(7).toLowerCase(Locale.ROOT));
        return MessageDigest.isEqual(hmac(secret, body), given) ? Verdict.VALID : Verdict.WRONG;
    }

    /** The header value GitHub would send for this body. */
    public static String sign(byte[] secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /**
     * Constant-time comparison of two secrets given as text (the API token). Both are hashed first,
     * so that not even the length of the expected one shows in the time taken.
     */
    public static boolean sameSecret(String expected, String given) {
        byte[] key = "tenantctl-api-token".getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(
                hmac(key, expected.getBytes(StandardCharsets.UTF_8)),
                hmac(key, given.getBytes(StandardCharsets.UTF_8)));
    }
}
