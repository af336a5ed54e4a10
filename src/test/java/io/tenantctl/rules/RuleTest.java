package io.tenantctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.RuleCase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape every rule's test has: the cases that must report the rule (each with its exact
 * diagnostics: location, code, severity and message) and the cases that must not. A subclass names its code (and severity) and gives two static
 * factories, {@code failing()} and {@code passing()}.
 */
abstract class RuleTest {

    private final String code;
    private final String severity;

    /** A rule reported as an error. */
    RuleTest(String code) {
        this(code, "error");
    }

    /** @param severity {@code error}, or {@code warning} for advice */
    RuleTest(String code, String severity) {
        this.code = code;
        this.severity = severity;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void reports(RuleCase c, @TempDir Path dir) {
        assertThat(c.failing())
                .as("a failing case expects at least one located diagnostic")
                .isTrue();
        c.check(code, severity, dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passing")
    void accepts(RuleCase c, @TempDir Path dir) {
        assertThat(c.failing()).as("a passing case expects no diagnostic").isFalse();
        c.check(code, severity, dir);
    }
}
