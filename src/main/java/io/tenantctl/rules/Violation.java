package io.tenantctl.rules;

import io.tenantctl.diag.Severity;
import io.tenantctl.model.ObjectRef;
import java.util.Optional;

/**
 * One broken rule on one object.
 *
 * @param pointer JSON Pointer into the subject's manifest ({@code /spec/globalAdministrators})
 * @param element for a list, the (normalised) entry concerned; located by value since lists are sorted
 */
public record Violation(
        Severity severity, String code, String message, ObjectRef subject, String pointer, Optional<String> element) {

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

    /** What makes two violations the same problem, whatever their wording. */
    public Key key() {
        return new Key(code, subject, pointer, element.orElse(""));
    }

    /** Identity of a violation, to compare the problems before and after a step. */
    public record Key(String code, ObjectRef subject, String pointer, String element) {}
}
