package io.tenantctl.diag;

import java.util.Comparator;

/**
 * One problem: its severity, a stable code that scripts can match on, a message for people, and
 * the place in a manifest it concerns.
 */
public record Diagnostic(Severity severity, String code, String message, Location location)
        implements Comparable<Diagnostic> {

    /** Located problems first in file order, then the unlocated ones; ties broken by code and text. */
    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(
                    (Diagnostic d) -> !d.location().isKnown())
            .thenComparing(Diagnostic::location)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message)
            .thenComparing(Diagnostic::severity);

    public Diagnostic {
        if (severity == null || code == null || message == null || location == null) {
            throw new IllegalArgumentException("diagnostic fields must not be null");
        }
    }

    public static Diagnostic error(String code, String message, Location location) {
        return new Diagnostic(Severity.ERROR, code, message, location);
    }

    public static Diagnostic error(String code, String message) {
        return new Diagnostic(Severity.ERROR, code, message, Location.NONE);
    }

    public static Diagnostic warning(String code, String message, Location location) {
        return new Diagnostic(Severity.WARNING, code, message, location);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }
}
