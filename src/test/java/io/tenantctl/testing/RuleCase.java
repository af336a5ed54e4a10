package io.tenantctl.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.ValidateRun.Diag;
import io.tenantctl.testing.ValidateRun.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One case of a per-rule test: a change to {@link ManifestSet#valid()} (or a world of its own), and
 * what {@code tenantctl validate} must say about it for one rule code.
 *
 * <p>A failing case lists every diagnostic of the rule it expects, each whole: its exact
 * {@code file:line:column} (every one has a location: {@code validate} reads manifests only), and
 * its exact message, with the rule's code and severity; the run must report exactly those. It
 * names any other code that the same change also, rightly, brings up ({@link #also}); no other
 * code may appear. A passing case expects no diagnostic of the rule and no error at all.
 */
public final class RuleCase {

    private static final Pattern LOCATION = Pattern.compile("[^:]+:[1-9][0-9]*:[1-9][0-9]*");

    private final String name;
    private final Consumer<ManifestSet> change;
    private final List<Expect> expected = new ArrayList<>();
    private final Set<String> also = new TreeSet<>();
    private boolean fromScratch;

    private RuleCase(String name, Consumer<ManifestSet> change) {
        this.name = name;
        this.change = change;
    }

    /** A change to the valid base world. */
    public static RuleCase of(String name, Consumer<ManifestSet> change) {
        return new RuleCase(name, change);
    }

    /** A world built from nothing. */
    public static RuleCase scratch(String name, Consumer<ManifestSet> build) {
        RuleCase c = new RuleCase(name, build);
        c.fromScratch = true;
        return c;
    }

    /** Expects a diagnostic of the rule at {@code file:line:column} with exactly this message. */
    public RuleCase at(String where, String message) {
        if (!LOCATION.matcher(where).matches()) {
            throw new IllegalArgumentException("not a file:line:column: " + where);
        }
        expected.add(new Expect(where, message));
        return this;
    }

    /** Other codes the change brings up as well. */
    public RuleCase also(String... codes) {
        also.addAll(Arrays.asList(codes));
        return this;
    }

    public boolean failing() {
        return !expected.isEmpty();
    }

    /** Builds the case's manifests in the folder. */
    public Path write(Path dir) {
        ManifestSet set = fromScratch ? ManifestSet.empty() : ManifestSet.valid();
        change.accept(set);
        return set.writeTo(dir);
    }

    /** Runs validate and checks the case for the rule {@code code} of the given severity. */
    public Report check(String code, String severity, Path dir) {
        Report report = ValidateRun.validate(write(dir));
        String all = String.join(
                "\n", report.diagnostics().stream().map(Diag::toString).toList());
        if (!failing()) {
            assertThat(report.withCode(code))
                    .as("no %s expected, got:\n%s", code, all)
                    .isEmpty();
            assertThat(report.hasErrors())
                    .as("no error expected, got:\n%s", all)
                    .isFalse();
            assertThat(report.exitCode()).isZero();
            assertThat(report.valid()).isTrue();
            return report;
        }
        List<Diag> wanted = expected.stream()
                .map(e -> new Diag(severity, code, e.message(), e.where()))
                .toList();
        assertThat(report.withCode(code))
                .as("diagnostics of %s, of all:\n%s", code, all)
                .containsExactlyInAnyOrderElementsOf(wanted);
        TreeSet<String> codes = new TreeSet<>(also);
        codes.add(code);
        assertThat(report.codes()).as("codes reported, of all:\n%s", all).isEqualTo(codes);
        assertThat(report.exitCode()).isEqualTo(report.hasErrors() ? 1 : 0);
        assertThat(report.valid()).isEqualTo(!report.hasErrors());
        if (severity.equals("error")) {
            assertThat(report.exitCode()).isEqualTo(1);
        }
        return report;
    }

    @Override
    public String toString() {
        return name;
    }

    private record Expect(String where, String message) {}
}
