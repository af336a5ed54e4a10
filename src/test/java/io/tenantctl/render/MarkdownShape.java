package io.tenantctl.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every Markdown plan must look like whatever the manifests said: code blocks only of our
 * two kinds and closed; no HTML but our own {@code details}, {@code summary} and {@code br};
 * tables whose rows all have the header's number of cells; no link, code span or mention made
 * of user text; Mermaid lines only of the forms the view writes. Also reads the comment back:
 * which steps, diagnostics and objects it shows.
 */
final class MarkdownShape {

    private static final Pattern FOREIGN_TAG = Pattern.compile("<(?!(/?details>|/?summary>|br>))");
    private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\]\\(");
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9])@[A-Za-z0-9]");
    private static final Pattern UNESCAPED_BACKTICK = Pattern.compile("(?<!\\\\)`");
    private static final Pattern STEP_ROW = Pattern.compile("^\\| (\\d+) \\| ");
    private static final Pattern OBJECT_LINE =
            Pattern.compile("^[-+!] \\S+/.* will be (created|updated in place|deleted)$");
    private static final List<Pattern> MERMAID = List.of(
            Pattern.compile("flowchart TD"),
            Pattern.compile("  [soa]\\d+\\[\"[A-Za-z0-9 @._/:-]*\"\\]"),
            Pattern.compile("  s\\d+ ==> s\\d+"),
            Pattern.compile("  s\\d+ --> o\\d+"),
            Pattern.compile("  s\\d+ -\\.->\\|(gets rights|loses rights|account|from|to)\\| [oa]\\d+"),
            Pattern.compile("  classDef (grant|revoke|delete|tenancy) [a-z0-9:#,. -]+"),
            Pattern.compile("  class s\\d+(,s\\d+)* (grant|revoke|delete|tenancy)"));

    /** What a comment shows, read back from it. */
    record Shown(List<Integer> stepRows, int errorRows, int warningRows, int objects, int mermaidSteps) {
        Set<Integer> steps() {
            return new LinkedHashSet<>(stepRows);
        }
    }

    private MarkdownShape() {}

    static Shown check(String markdown) {
        List<Integer> steps = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        int objects = 0;
        int mermaidSteps = 0;
        String fence = null;
        int tableCells = -1;
        String[] lines = markdown.split("\n", -1);
        assertThat(lines[lines.length - 1]).as("ends with a line break").isEmpty();
        for (String line : lines) {
            if (line.startsWith("```")) {
                if (fence == null) {
                    assertThat(line).as("a code block we open").isIn("```diff", "```mermaid");
                    fence = line;
                } else {
                    assertThat(line).as("a code block closes with a bare fence").isEqualTo("```");
                    fence = null;
                }
                continue;
            }
            if ("```diff".equals(fence)) {
                assertThat(line).as("a diff line").matches("[-+!] .*");
                if (OBJECT_LINE.matcher(line).matches()) {
                    objects++;
                }
                continue;
            }
            if ("```mermaid".equals(fence)) {
                assertThat(MERMAID.stream().anyMatch(p -> p.matcher(line).matches()))
                        .as("a Mermaid line the view writes: %s", line)
                        .isTrue();
                if (line.matches("  s\\d+\\[.*")) {
                    mermaidSteps++;
                }
                continue;
            }
            assertThat(FOREIGN_TAG.matcher(line).find())
                    .as("no HTML but ours: %s", line)
                    .isFalse();
            assertThat(LINK.matcher(line).find()).as("no link: %s", line).isFalse();
            if (line.startsWith("|")) {
                int cells = cells(line);
                if (tableCells < 0) {
                    tableCells = cells;
                }
                assertThat(cells).as("as many cells as the header: %s", line).isEqualTo(tableCells);
                assertThat(UNESCAPED_BACKTICK.matcher(line).find())
                        .as("no code span in a table: %s", line)
                        .isFalse();
                assertThat(MENTION.matcher(line).find())
                        .as("no mention: %s", line)
                        .isFalse();
                Matcher step = STEP_ROW.matcher(line);
                if (step.find()) {
                    steps.add(Integer.parseInt(step.group(1)));
                } else if (line.startsWith("| **error** |")) {
                    errors++;
                } else if (line.startsWith("| warning |")) {
                    warnings++;
                }
            } else {
                tableCells = -1;
            }
        }
        assertThat(fence).as("every code block is closed").isNull();
        return new Shown(steps, errors, warnings, objects, mermaidSteps);
    }

    /** The comment without its fenced code blocks, where nothing is interpreted. */
    static String outsideCode(String markdown) {
        return markdown.replaceAll("(?ms)^```(diff|mermaid)$.*?^```$", "");
    }

    /** Cells of a table row: the unescaped pipes, less one. */
    private static int cells(String line) {
        int pipes = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '|') {
                pipes++;
            }
        }
        return pipes - 1;
    }
}
