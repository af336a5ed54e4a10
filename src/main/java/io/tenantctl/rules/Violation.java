package io.tenantctl.rules;

import io.tenantctl.diag.Severity;
import io.tenantctl.model.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * One broken rule on one object.
 *
 * <p>A problem between two objects (a domain two tenants claim, a Microsoft account on a tenant's
 * domain) is reported once, at its subject; {@link #instead} says the same problem from the other
 * objects it involves, each at its own place, in order of preference. They are used when the
 * manifests do not declare the subject (it lives only in the state): the user is then shown the
 * line they wrote that causes the problem, not a problem without a place.
 *
 * @param pointer JSON Pointer into the subject's manifest ({@code /spec/globalAdministrators})
 * @param element for a list, the (normalised) entry concerned; located by value since lists are sorted
 * @param instead the same problem at the other objects involved, for when the subject is not declared
 */
public record Violation(
        Severity severity,
        String code,
        String message,
        ObjectRef subject,
        String pointer,
        Optional<String> element,
        List<Violation> instead) {

    public Violation {
        instead = List.copyOf(instead);
    }

    /** A violation that only its subject is concerned by. */
    public Violation(
            Severity severity,
            String code,
            String message,
            ObjectRef subject,
            String pointer,
            Optional<String> element) {
        this(severity, code, message, subject, pointer, element, List.of());
    }

    public static Violation error(String code, ObjectRef subject, String pointer, String message) {
        return new Violation(Severity.ERROR, code, message, subject, pointer, Optional.empty());
    }

    public static Violation errorAt(String code, ObjectRef subject, String pointer, String element, String message) {
        return new Violation(Severity.ERROR, code, message, subject, pointer, Optional.of(element));
    }

    public static Violation warning(String code, ObjectRef subject, String pointer, String message) {
        return new Violation(Severity.WARNING, code, message, subject, pointer, Optional.empty());
    }

    public static Violation warningAt(String code, ObjectRef subject, String pointer, String element, String message) {
        return new Violation(Severity.WARNING, code, message, subject, pointer, Optional.of(element));
    }

    /** This violation, told instead by these ones where the manifests do not declare its subject. */
    public Violation orElse(List<Violation> others) {
        return new Violation(severity, code, message, subject, pointer, element, others);
    }

    /** What makes two violations the same problem, whatever their wording. */
    public Key key() {
        return new Key(code, subject, pointer, element.orElse(""));
    }

    /** Identity of a violation, to compare the problems before and after a step. */
    public record Key(String code, ObjectRef subject, String pointer, String element) {}
}
