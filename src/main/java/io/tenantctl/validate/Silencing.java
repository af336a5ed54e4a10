package io.tenantctl.validate;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Silenced;
import io.tenantctl.load.SourceMap;
import io.tenantctl.model.WorldObject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which warnings are not shown: on one object, those its annotation
 * {@code tenantctl.io/ignore-warnings} names; in a whole run, those {@code --ignore-warnings} names.
 * Only the codes of {@link Codes#WARNINGS} may be named, so that a typo is an error rather than a
 * warning still shown in silence; an error is never silenced. A silenced warning is counted
 * ({@link Silenced}), so that a plan says what it leaves out.
 *
 * @param codes what a run silences everywhere
 */
public record Silencing(Set<String> codes) {

    public static final String ANNOTATION = "tenantctl.io/ignore-warnings";

    public static final Silencing NONE = new Silencing(Set.of());

    private static final String POINTER = "/metadata/annotations/" + ANNOTATION.replace("/", "~1");

    /** Every code tenantctl has: a code that is among them but no warning's is an error's. */
    private static final Set<String> KNOWN = Arrays.stream(Codes.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(Silencing::value)
            .collect(TreeSet::new, Set::add, Set::addAll);

    public Silencing {
        codes = Set.copyOf(codes);
        for (String code : codes) {
            refusal(code).ifPresent(why -> {
                throw new IllegalArgumentException(why);
            });
        }
    }

    /** Whether the run silences this diagnostic: a warning of a code it names. */
    public boolean silences(Diagnostic d) {
        return !d.isError() && codes.contains(d.code());
    }

    /** The diagnostics shown, in their order, and those silenced, counted. */
    public record Filtered(List<Diagnostic> shown, Silenced silenced) {}

    public Filtered filter(List<Diagnostic> diagnostics) {
        if (codes.isEmpty()) {
            return new Filtered(diagnostics, Silenced.NONE);
        }
        List<Diagnostic> shown = new ArrayList<>();
        List<Diagnostic> quiet = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            (silences(d) ? quiet : shown).add(d);
        }
        return new Filtered(shown, Silenced.of(quiet));
    }

    /**
     * Why a code cannot be silenced: it is no code of tenantctl's (with the warning's code it is
     * closest to), or an error's. Empty when it is a warning's.
     */
    public static Optional<String> refusal(String code) {
        if (Codes.WARNINGS.contains(code)) {
            return Optional.empty();
        }
        String which = " (the warnings that can be silenced: " + String.join(", ", Codes.WARNINGS) + ")";
        if (KNOWN.contains(code)) {
            return Optional.of("'" + code + "' is an error, and errors are never silenced" + which);
        }
        return Optional.of("'" + code + "' is not the code of a warning"
                + Suggestions.closest(code, Codes.WARNINGS)
                        .map(c -> "; did you mean '" + c + "'?")
                        .orElse("")
                + which);
    }

    /** The codes of a comma-separated list, trimmed; empty entries are left out. */
    public static List<String> split(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(c -> !c.isEmpty())
                .toList();
    }

    /** The warnings an object's annotation silences on it (only codes that can be silenced). */
    static Set<String> annotated(WorldObject object) {
        String value = object.metadata().annotations().get(ANNOTATION);
        if (value == null) {
            return Set.of();
        }
        return Set.copyOf(split(value).stream().filter(Codes.WARNINGS::contains).toList());
    }

    /** Every code of an object's annotation that cannot be silenced, located at the annotation's value. */
    static List<Diagnostic> check(WorldObject object, SourceMap map) {
        String value = object.metadata().annotations().get(ANNOTATION);
        if (value == null) {
            return List.of();
        }
        List<Diagnostic> problems = new ArrayList<>();
        for (String code : split(value)) {
            refusal(code)
                    .ifPresent(why -> problems.add(Diagnostic.error(
                            Codes.IGNORE_WARNINGS, ANNOTATION + ": " + why, map.locateValue(POINTER))));
        }
        return problems;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Silencing of these codes, which {@link #refusal} accepted. */
    public static Silencing of(Collection<String> codes) {
        return new Silencing(Set.copyOf(codes));
    }
}
