package io.tenantctl.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Codes#WARNINGS} is exactly the codes the sources warn with: a warning left out of it could
 * not be silenced, and a code in it that never warns would be accepted by
 * {@code --ignore-warnings} and silence nothing. Read from the sources, where every warning is made
 * by {@code Diagnostic.warning(Codes.X, ...)} or {@code Violation.warning[At](Codes.X, ...)}, or in
 * a rule by {@code Violation.warning[At](code(), ...)}, its {@code code()} returning {@code Codes.X}.
 */
class WarningCodesTest {

    private static final Pattern WARNING =
            Pattern.compile("(?:Diagnostic|Violation)\\.warning(?:At)?\\(\\s*(?:Codes\\.([A-Z0-9_]+)|(code\\(\\)))");
    private static final Pattern RULE_CODE = Pattern.compile("String code\\(\\) \\{\\s*return Codes\\.([A-Z0-9_]+);");

    /** Warnings of applying a saved plan, which is applied as reviewed and takes no --ignore-warnings. */
    private static final Set<String> OF_A_SAVED_PLAN = Set.of(Codes.PROVIDER, Codes.PLAN_SIGNATURE);

    @Test
    void theListIsEveryCodeTheSourcesWarnWithButThoseOfApplyingASavedPlan() throws Exception {
        Set<String> warned = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = read(file);
                Matcher m = WARNING.matcher(source);
                while (m.find()) {
                    String constant = m.group(1);
                    if (constant == null) {
                        Matcher rule = RULE_CODE.matcher(source);
                        assertThat(rule.find()).as("the code() of %s", file).isTrue();
                        constant = rule.group(1);
                    }
                    warned.add((String) Codes.class.getField(constant).get(null));
                }
            }
        }
        assertThat(warned)
                .as("the sources make warnings")
                .contains(Codes.PORTAL_ACCESS, Codes.PROTECTED, Codes.PLAN_SIGNATURE);

        Set<String> silenceable = new TreeSet<>(warned);
        silenceable.removeAll(OF_A_SAVED_PLAN);
        assertThat(Codes.WARNINGS).containsExactlyElementsOf(silenceable);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
