package io.tenantctl.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the formatter cannot settle: a class is named by an import, never by its full name inline
 * ({@code java.util.Optional.empty()} in the middle of a line), so that a file's imports say what
 * it uses. Comments and string literals may name classes in full.
 */
class SourceStyleTest {

    private static final Pattern INLINE_QUALIFIED = Pattern.compile(
            "(?<![.\\w\"])(?:java|javax|io\\.tenantctl|tools\\.jackson|picocli|org\\.[a-z]+|com\\.[a-z]+)"
                    + "(?:\\.[a-z0-9_]+)*\\.[A-Z]\\w*");

    @Test
    void classesAreImportedNotNamedInFull() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String code = codeOf(lines.get(i));
                        if (INLINE_QUALIFIED.matcher(code).find()) {
                            found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(found)
                .as("inline fully-qualified names; import the class instead")
                .isEmpty();
    }

    @Test
    void theCheckFindsAnInlineName() {
        assertThat(INLINE_QUALIFIED
                        .matcher(codeOf("var x = java.util.Optional.empty();"))
                        .find())
                .isTrue();
        assertThat(INLINE_QUALIFIED
                        .matcher(codeOf("import java.util.Optional;"))
                        .find())
                .isFalse();
        assertThat(INLINE_QUALIFIED
                        .matcher(codeOf("s = \"java.util.Optional\";"))
                        .find())
                .isFalse();
    }

    /** The line without string literals and comments, and nothing of import or package lines. */
    private static String codeOf(String line) {
        String s = line.strip();
        if (s.startsWith("import ")
                || s.startsWith("package ")
                || s.startsWith("*")
                || s.startsWith("/*")
                || s.startsWith("//")) {
            return "";
        }
        s = s.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        int comment = s.indexOf("//");
        return comment >= 0 ? s.substring(0, comment) : s;
    }
}
