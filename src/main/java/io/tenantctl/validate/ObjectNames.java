package io.tenantctl.validate;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The rule for {@code metadata.name} (and the tenant names that refer to one) in words, with what
 * breaks it in the name given and a name that would do, for the schema's pattern error.
 */
final class ObjectNames {

    static final int MAX_LENGTH = 63;

    private ObjectNames() {}

    /** The rule, what in {@code name} breaks it, and a corrected name. */
    static String rule(JsonNode name) {
        String text = name.asString("");
        StringBuilder out = new StringBuilder("a name has only lower-case letters, digits and '-', at most ")
                .append(MAX_LENGTH)
                .append(" characters, and starts and ends with a letter or digit");
        String broken = whatBreaks(text);
        if (!broken.isEmpty()) {
            out.append(" (").append(broken).append(')');
        }
        String fixed = fixed(text);
        if (!fixed.isEmpty() && !fixed.equals(text)) {
            out.append("; for example ").append(fixed);
        }
        return out.toString();
    }

    /** A name that would be valid if it were not longer than the limit. */
    static boolean onlyTooLong(String text) {
        return text.length() > MAX_LENGTH && text.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    private static String whatBreaks(String text) {
        if (text.isEmpty()) {
            return "";
        }
        int position = 1;
        for (int i = 0; i < text.length(); position++) {
            int cp = text.codePointAt(i);
            if (cp >= 'A' && cp <= 'Z') {
                return "'" + Character.toString(cp) + "' at position " + position + " is upper-case";
            }
            if (!(cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp == '-')) {
                return SchemaMessages.printable("'" + Character.toString(cp) + "'") + " at position " + position
                        + " is not allowed";
            }
            i += Character.charCount(cp);
        }
        if (text.startsWith("-") || text.endsWith("-")) {
            return "it " + (text.startsWith("-") ? "starts" : "ends") + " with '-'";
        }
        return "";
    }

    /** The name lower-cased, with every other character that is not allowed made a '-'. */
    private static String fixed(String text) {
        String lower =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
        String trimmed = lower.replaceAll("^-+|-+$", "");
        if (trimmed.length() > MAX_LENGTH) {
            trimmed = trimmed.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return trimmed;
    }
}
