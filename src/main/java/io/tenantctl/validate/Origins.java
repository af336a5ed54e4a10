package io.tenantctl.validate;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.diag.Severity;
import io.tenantctl.load.SourceMap;
import io.tenantctl.model.Names;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.rules.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which document each object came from, and so where a violation about it is written, and how the
 * manifests spell the names it mentions.
 *
 * <p>An object the manifests do not declare lives only in the state. A problem about it is told
 * instead at the declared object that takes part in it ({@link Violation#instead}), with a note
 * that the other one is only in the state; with no declared object involved it has no location.
 *
 * <p>Rules compare sign-in names and domains case-insensitively and may word their messages with
 * normalised names; a message is shown with every account spelled as its Account manifest declares
 * it (as plans show it too), and every other name (a domain, an account no manifest declares) as
 * the manifest it points into writes it.
 */
public final class Origins {

    private final Map<ObjectRef, SourceMap> documents = new HashMap<>();
    // Per object, only the names it writes otherwise than normalised: most objects have none.
    private final Map<ObjectRef, Map<String, String>> written = new HashMap<>();
    private final Map<String, String> declaredAccounts = new HashMap<>();
    // Per object, the warnings its annotation silences on it: most objects have none.
    private final Map<ObjectRef, Set<String>> silenced = new HashMap<>();

    private boolean accountsSpelledOtherwise;

    public static Origins none() {
        return new Origins();
    }

    /**
     * Keeps where the object was declared, how it spells the names it mentions, and which
     * warnings its annotation silences on it.
     */
    void put(ObjectRef ref, SourceMap map, Map<String, String> spellings, Set<String> silencedHere) {
        if (documents.putIfAbsent(ref, map) == null) {
            if (!spellings.isEmpty()) {
                written.put(ref, spellings);
            }
            if (!silencedHere.isEmpty()) {
                silenced.put(ref, silencedHere);
            }
        }
    }

    /** Keeps the spelling an Account manifest declares for its sign-in name. */
    void account(String signInName) {
        String key = Names.key(signInName);
        declaredAccounts.put(key, signInName);
        accountsSpelledOtherwise |= !key.equals(signInName);
    }

    /** True when a manifest declares the object. */
    public boolean declares(ObjectRef ref) {
        return documents.containsKey(ref);
    }

    /** The file each declared object came from. */
    public Optional<String> file(ObjectRef ref) {
        return Optional.ofNullable(documents.get(ref)).map(SourceMap::file);
    }

    public Location locate(ObjectRef ref, String pointer, Optional<String> element) {
        SourceMap map = documents.get(ref);
        if (map == null) {
            return Location.NONE;
        }
        if (element.isPresent() && map.isList(pointer)) {
            String wanted = element.get();
            // An entry that is not written (it is being removed) is pointed at by the list's key.
            return map.locateElement(pointer, text -> Names.key(text).equals(wanted))
                    .orElseGet(() -> map.locateEntry(pointer));
        }
        return map.locateValue(pointer);
    }

    /**
     * The violation as the user reads it: at its subject when a manifest declares it, otherwise at
     * the first object in its place that one declares, noting the objects only the state holds.
     */
    public Diagnostic toDiagnostic(Violation v) {
        List<Violation> told = told(v);
        Violation shown = shownAt(told).orElse(null);
        if (shown == null) {
            return new Diagnostic(v.severity(), v.code(), spelled(v.message(), Map.of()), Location.NONE);
        }
        StringBuilder message = new StringBuilder(shown.message());
        told.stream()
                .map(Violation::subject)
                .distinct()
                .filter(ref -> !declares(ref))
                .forEach(ref -> message.append("; ")
                        .append(ref)
                        .append(" is only in the current state (the manifests do not declare it)"));
        return new Diagnostic(
                shown.severity(),
                shown.code(),
                spelled(message.toString(), written.getOrDefault(shown.subject(), Map.of())),
                locate(shown.subject(), shown.pointer(), shown.element()));
    }

    /**
     * Whether the annotation {@code tenantctl.io/ignore-warnings} of the object a warning is told
     * at (where {@link #toDiagnostic} locates it) silences it; an error is never silenced.
     */
    public boolean silenced(Violation v) {
        if (silenced.isEmpty() || v.severity() == Severity.ERROR) {
            return false;
        }
        return shownAt(told(v))
                .map(shown -> silenced.getOrDefault(shown.subject(), Set.of()).contains(v.code()))
                .orElse(false);
    }

    /** The violation, then the same problem told at the other objects involved. */
    private static List<Violation> told(Violation v) {
        List<Violation> told = new ArrayList<>();
        told.add(v);
        told.addAll(v.instead());
        return told;
    }

    /** The first of them at an object a manifest declares: where the user is shown the problem. */
    private Optional<Violation> shownAt(List<Violation> told) {
        return told.stream().filter(t -> declares(t.subject())).findFirst();
    }

    /** The message with each name spelled as its Account declares it, or else as {@code local} writes it. */
    private String spelled(String message, Map<String, String> local) {
        if (local.isEmpty() && !accountsSpelledOtherwise) {
            return message; // the usual case: every name is written as it is compared
        }
        // One pass over runs of the characters of sign-in names and domains; a run with an @ or
        // a dot is a name (a regular expression would try every start inside every word).
        StringBuilder out = new StringBuilder(message.length());
        int i = 0;
        while (i < message.length()) {
            int start = i;
            while (i < message.length() && isNameChar(message.charAt(i))) {
                i++;
            }
            int end = i;
            while (end > start && message.charAt(end - 1) == '.') {
                end--; // the full stop of a sentence is not part of the name
            }
            String name = message.substring(start, end);
            String spelling = name.indexOf('@') >= 0 || name.indexOf('.') >= 0
                    ? declaredAccounts.getOrDefault(Names.key(name), local.get(Names.key(name)))
                    : null;
            out.append(spelling == null ? name : spelling).append(message, end, i);
            if (i < message.length()) {
                out.append(message.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "._%+'-@".indexOf(c) >= 0;
    }
}
