package io.tenantctl.render;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text made safe for the places the Markdown plan puts it. Display names, sign-in names, file
 * names and messages come from manifests, which may come from an untrusted pull request; in a
 * comment they must show as written and never start a table cell, a link, an HTML tag, a heading,
 * a mention or a code block of their own.
 */
final class Markdown {

    /** Longer text is cut; the schema bounds every manifest string well below this. */
    static final int MAX_TEXT = 1_000;

    /** Mermaid labels are short, and drawn from a small alphabet that no Mermaid syntax uses. */
    static final int MAX_LABEL = 60;

    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9:._/-]{1,200}");

    private Markdown() {}

    /**
     * Text for a table cell, a list item or a paragraph, on one line. The characters that start
     * inline syntax (code, emphasis, links, strike-through, GitHub's {@code $} math) are escaped
     * with a backslash, which GitHub removes; {@code |} too, so that a cell cannot be split; and
     * {@code <>&} become entities, so that no tag or entity can open. Line breaks become spaces,
     * so that nothing can start a block. An {@code @} that could mention a user or team gets a
     * word joiner after it, since GitHub finds mentions in the text after escapes are removed.
     */
    static String text(String raw) {
        String s = cut(raw, MAX_TEXT);
        StringBuilder out = new StringBuilder(s.length() + 16);
        int previous = ' ';
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (lineBreakOrControl(c)) {
                out.append(' ');
            } else if (bidiControl(c)) {
                out.append('\uFFFD');
            } else {
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '\\', '`', '*', '_', '[', ']', '~', '|', '$' ->
                        out.append('\\').append((char) c);
                    case '@' -> out.append(Character.isLetterOrDigit(previous) ? "@" : "@\u2060");
                    default -> out.appendCodePoint(c);
                }
            }
            previous = c;
        }
        return out.toString();
    }

    /**
     * One line inside a fenced code block. Nothing is interpreted there; the line only has to
     * stay one line, which also means it can never close the fence.
     */
    static String codeLine(String raw) {
        String s = cut(raw, MAX_TEXT);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (lineBreakOrControl(c)) {
                out.append(' ');
            } else if (bidiControl(c)) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * A Mermaid label, to be put in double quotes: letters, digits and {@code @._/:-} and space
     * are kept, anything else becomes {@code _}. Mermaid reads entities, HTML and Markdown in
     * labels, so an allow-list is the only safe form.
     */
    static String label(String raw) {
        String s = cut(raw, MAX_LABEL);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean safe = c < 128 && (Character.isLetterOrDigit(c) || " @._/:-".indexOf(c) >= 0);
            out.append(safe ? c : '_');
        }
        return out.toString();
    }

    /** An identifier (digest, lineage) as a code span when it is plain, as escaped text otherwise. */
    static String id(String raw) {
        return PLAIN_ID.matcher(raw).matches() ? "`" + raw + "`" : text(raw);
    }

    /** {@code 12,345}: the same in every locale. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 step}, {@code 2 steps}. */
    static String plural(long n, String word) {
        return count(n) + " " + word + (n == 1 ? "" : "s");
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 4)) ? max - 4 : max - 3;
        return s.substring(0, end) + "...";
    }

    private static boolean lineBreakOrControl(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** The bidirectional overrides that can make text read differently from what it is. */
    private static boolean bidiControl(int c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
