package io.tenantctl.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The signature GitHub sends, checked against an independent value. */
class WebhookSignatureTest {

    private static final byte[] SECRET = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    /** GitHub's documented example ("Validating webhook deliveries") for exactly this secret and body. */
    private static final String GITHUB_EXAMPLE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void theDocumentedExampleIsValid() {
        assertThat(WebhookSignature.sign(SECRET, BODY)).isEqualTo(GITHUB_EXAMPLE);
        assertThat(WebhookSignature.check(SECRET, BODY, GITHUB_EXAMPLE)).isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(WebhookSignature.check(
                        SECRET, BODY, "sha256=" + GITHUB_EXAMPLE.substring(7).toUpperCase(Locale.ROOT)))
                .isEqualTo(WebhookSignature.Verdict.VALID);
    }

    @Test
    void missingMalformedAndWrongSignaturesAreRefused() {
        assertThat(WebhookSignature.check(SECRET, BODY, null)).isEqualTo(WebhookSignature.Verdict.MISSING);
        assertThat(WebhookSignature.check(SECRET, BODY, "")).isEqualTo(WebhookSignature.Verdict.MISSING);
        assertThat(WebhookSignature.check(SECRET, BODY, "sha1=757107ea0eb2509fc211221cce984b8a37570b6d"))
                .isEqualTo(WebhookSignature.Verdict.MALFORMED);
        assertThat(WebhookSignature.check(SECRET, BODY, "sha256=abc")).isEqualTo(WebhookSignature.Verdict.MALFORMED);
        assertThat(WebhookSignature.check(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), GITHUB_EXAMPLE))
                .isEqualTo(WebhookSignature.Verdict.WRONG);
        assertThat(WebhookSignature.check("another".getBytes(StandardCharsets.UTF_8), BODY, GITHUB_EXAMPLE))
                .isEqualTo(WebhookSignature.Verdict.WRONG);
    }

    @Test
    void tokensAreComparedWhole() {
        assertThat(WebhookSignature.sameSecret("token", "token")).isTrue();
        assertThat(WebhookSignature.sameSecret("token", "toke")).isFalse();
        assertThat(WebhookSignature.sameSecret("token", "")).isFalse();
    }
}
