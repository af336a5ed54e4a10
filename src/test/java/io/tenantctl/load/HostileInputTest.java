package io.tenantctl.load;

import static io.tenantctl.load.Corpus.ACCOUNT;
import static io.tenantctl.load.Corpus.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantctl.load.Corpus.Diag;
import io.tenantctl.load.Corpus.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile and broken inputs of {@code corpus/hostile/cases.tsv}: every one must make
 * {@code validate} exit 1 with a located diagnostic of the expected code, quickly, and without a
 * stack trace. Adding a case is one line in the table (and, for a file, the file). The time-outs
 * guard against a hang, not against slowness: the largest inputs take some 20 seconds on a busy
 * two-core machine.
 */
class HostileInputTest {

    /** One line of the table. */
    record Case(String name, String code, int line, Integer column, Integer count, String message) {

        @Override
        public String toString() {
            return name + " -> " + code + "@" + line + ":" + (column == null ? "*" : column) + " " + message;
        }
    }

    /** What to run: the {@code -f} argument, the file diagnostics name, and standard input. */
    record Input(String path, String file, byte[] stdin) {

        static Input file(Path path) {
            return new Input(path.toString(), path.toString(), new byte[0]);
        }

        static Input stdin(byte[] bytes) {
            return new Input("-", "<stdin>", bytes);
        }
    }

    private static final String HEAD = ACCOUNT.replace("NAME", "x");

    /** Inputs built at test time in a temporary folder, by name ({@code gen:NAME} in the table). */
    private static final Map<String, Function<Path, Input>> GENERATED = new HashMap<>();

    static {
        GENERATED.put(
                "deep-flow-sequences",
                dir -> Input.file(
                        Corpus.write(dir.resolve("deep.yaml"), "[".repeat(10_000) + "]".repeat(10_000) + "\n")));
        GENERATED.put(
                "deep-flow-mappings",
                dir -> Input.file(Corpus.write(
                        dir.resolve("deep.yaml"), "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n")));
        GENERATED.put(
                "deep-block-sequences",
                dir -> Input.file(Corpus.write(dir.resolve("deep.yaml"), "- ".repeat(10_000) + "x\n")));
        // Block mappings indent one more space per level, so 2,000 levels already take 2 MB.
        GENERATED.put("deep-block-mappings", dir -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 2_000; i++) {
                text.append(" ".repeat(i)).append("k:\n");
            }
            return Input.file(Corpus.write(
                    dir.resolve("deep.yaml"),
                    text.append(" ".repeat(2_000)).append("x\n").toString()));
        });
        GENERATED.put(
                "scalar-50mb",
                dir -> Input.file(Corpus.repeat(
                        dir.resolve("big.yaml"), HEAD + "  displayName: ", "a", 50L * 1024 * 1024, "\n")));
        GENERATED.put(
                "scalar-50mb-stdin",
                dir -> Input.stdin((HEAD + "  displayName: " + "a".repeat(50 * 1024 * 1024) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
        GENERATED.put(
                "file-20mb",
                dir -> Input.file(Corpus.repeat(
                        dir.resolve("big.yaml"),
                        HEAD,
                        "# padding padding padding padding padding padding padding padding padding padding\n",
                        20L * 1024 * 1024 / 80,
                        "")));
        // Under the file limit: the parser must get to the scalar's length quickly (it used to be quadratic).
        GENERATED.put(
                "scalar-15mb",
                dir -> Input.file(Corpus.repeat(
                        dir.resolve("big.yaml"), HEAD + "  displayName: ", "a", 15L * 1024 * 1024, "\n")));
        GENERATED.put(
                "scalar-8193",
                dir -> Input.file(
                        Corpus.write(dir.resolve("long.yaml"), HEAD + "  displayName: " + "a".repeat(8_193) + "\n")));
        GENERATED.put(
                "key-8193",
                dir -> Input.file(
                        Corpus.write(dir.resolve("long.yaml"), HEAD + "  ? " + "k".repeat(8_193) + "\n  : value\n")));
        GENERATED.put("documents-25000", dir -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 25_000; i++) { // five lines each: document 20,001 starts on line 100,001
                text.append("---\napiVersion: tenantctl.io/v1\nkind: Account\nmetadata: {name: a")
                        .append(i)
                        .append("}\nspec: {signInName: a")
                        .append(i)
                        .append("@hotmail.com, type: MicrosoftAccount}\n");
            }
            return Input.file(Corpus.write(dir.resolve("many.yaml"), text.toString()));
        });
        GENERATED.put("binary-garbage", dir -> {
            byte[] bytes = new byte[4_096];
            new Random(42).nextBytes(bytes);
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            System.arraycopy(png, 0, bytes, 0, png.length);
            return Input.file(Corpus.write(dir.resolve("logo.yaml"), bytes));
        });
        GENERATED.put(
                "latin1",
                dir -> Input.file(Corpus.write(
                        dir.resolve("latin1.yaml"),
                        (HEAD + "  displayName: Caf\u00e9 Ren\u00e9\n").getBytes(StandardCharsets.ISO_8859_1))));
        GENERATED.put(
                "overlong-utf8",
                dir -> Input.file(Corpus.write(
                        dir.resolve("overlong.yaml"),
                        concat(HEAD + "  displayName: ..", new byte[] {(byte) 0xC0, (byte) 0xAF}, "etc\n"))));
        GENERATED.put(
                "utf8-surrogate",
                dir -> Input.file(Corpus.write(
                        dir.resolve("surrogate.yaml"),
                        concat(HEAD + "  displayName: x", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "y\n"))));
        GENERATED.put(
                "truncated-utf8",
                dir -> Input.file(Corpus.write(
                        dir.resolve("truncated.yaml"),
                        concat(HEAD + "  displayName: caf", new byte[] {(byte) 0xC3}, ""))));
        GENERATED.put(
                "utf16le-bom",
                dir -> Input.file(Corpus.write(
                        dir.resolve("utf16.yaml"), utf16(new byte[] {(byte) 0xFF, (byte) 0xFE}, HEAD, "UTF-16LE"))));
        GENERATED.put(
                "utf16be-bom",
                dir -> Input.file(Corpus.write(
                        dir.resolve("utf16.yaml"), utf16(new byte[] {(byte) 0xFE, (byte) 0xFF}, HEAD, "UTF-16BE"))));
        GENERATED.put(
                "utf16-without-bom",
                dir -> Input.file(Corpus.write(dir.resolve("utf16.yaml"), utf16(new byte[0], HEAD, "UTF-16LE"))));
        GENERATED.put(
                "nul-byte",
                dir -> Input.file(Corpus.write(
                        dir.resolve("nul.yaml"), concat(HEAD + "  displayName: ab", new byte[] {0}, "cd\n"))));
        // A byte-order mark and CRLF line ends shift neither lines nor columns.
        GENERATED.put(
                "bom-crlf-bare-number",
                dir -> Input.file(Corpus.write(
                        dir.resolve("windows.yaml"),
                        concat("\uFEFF", new byte[0], (HEAD + "  displayName: 12\n").replace("\n", "\r\n")))));
        // Columns count code points, as the parser's own marks do, and a lone CR ends a line.
        GENERATED.put(
                "emoji-then-nul",
                dir -> Input.file(Corpus.write(
                        dir.resolve("emoji.yaml"),
                        concat(
                                "# " + "\uD83D\uDE00".repeat(20) + "\n" + HEAD
                                        + "  displayName: \uD83D\uDE00\uD83D\uDE00",
                                new byte[] {0},
                                "\n"))));
        GENERATED.put(
                "emoji-then-bad-utf8",
                dir -> Input.file(Corpus.write(
                        dir.resolve("emoji.yaml"),
                        concat(
                                "# " + "\uD83D\uDE00".repeat(20) + "\n" + HEAD
                                        + "  displayName: \uD83D\uDE00\uD83D\uDE00",
                                new byte[] {(byte) 0xFF},
                                "\n"))));
        GENERATED.put(
                "cr-line-ends-then-nul",
                dir -> Input.file(
                        Corpus.write(dir.resolve("mac.yaml"), concat("a: 1\rb: 2\rc: x", new byte[] {0}, "\r"))));
        GENERATED.put(
                "c1-control",
                dir -> Input.file(Corpus.write(dir.resolve("c1.yaml"), HEAD + "  displayName: ab\u009bcd\n")));
        GENERATED.put("symlink-out-of-folder", dir -> {
            Path outside = Corpus.write(dir.resolve("outside/secret.yaml"), account("secret"));
            Path manifests = dir.resolve("manifests");
            Corpus.write(manifests.resolve("fine.yaml"), account("fine"));
            Corpus.symlink(manifests.resolve("evil.yaml"), Path.of("..", "outside", "secret.yaml"));
            assertThat(outside).exists();
            return new Input(
                    manifests.toString(), manifests.resolve("evil.yaml").toString(), new byte[0]);
        });
        GENERATED.put("symlink-to-etc-passwd", dir -> {
            Path manifests = dir.resolve("manifests");
            Corpus.write(manifests.resolve("fine.yaml"), account("fine"));
            Corpus.symlink(manifests.resolve("passwd.yaml"), Path.of("/etc/passwd"));
            return new Input(
                    manifests.toString(), manifests.resolve("passwd.yaml").toString(), new byte[0]);
        });
        GENERATED.put("symlink-loop", dir -> {
            Path manifests = dir.resolve("manifests");
            Corpus.symlink(manifests.resolve("a.yaml"), Path.of("b.yaml"));
            Corpus.symlink(manifests.resolve("b.yaml"), Path.of("a.yaml"));
            return new Input(manifests.toString(), manifests.resolve("a.yaml").toString(), new byte[0]);
        });
        GENERATED.put("broken-symlink", dir -> {
            Path manifests = dir.resolve("manifests");
            Corpus.symlink(manifests.resolve("gone.yaml"), Path.of("nowhere.yaml"));
            return new Input(
                    manifests.toString(), manifests.resolve("gone.yaml").toString(), new byte[0]);
        });
        GENERATED.put("alias-bomb-stdin", dir -> {
            try {
                return Input.stdin(Files.readAllBytes(Corpus.fixture("hostile", "billion-laughs.yaml")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        GENERATED.put("bad-entries-200000", dir -> {
            StringBuilder text = new StringBuilder("""
                    apiVersion: tenantctl.io/v1
                    kind: Tenant
                    metadata: {name: x}
                    spec:
                      displayName: X
                      initialDomain: x.onmicrosoft.com
                      globalAdministrators:
                    """);
            for (int i = 0; i < 200_000; i++) {
                text.append("  - bad").append(i).append('\n');
            }
            return Input.file(Corpus.write(dir.resolve("tenant.yaml"), text.toString()));
        });
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String row : Files.readAllLines(Corpus.fixture("hostile", "cases.tsv"), StandardCharsets.UTF_8)) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] cells = row.split("\t", -1);
            assertThat(cells).as("six tab-separated cells: %s", row).hasSize(6);
            cases.add(new Case(
                    cells[0], cells[1], Integer.parseInt(cells[2]), optional(cells[3]), optional(cells[4]), cells[5]));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(60)
    void refusedWithALocatedDiagnostic(Case c, @TempDir Path dir) {
        Input input = input(c.name(), dir);

        Outcome outcome = Corpus.validate(input.stdin(), input.path());

        assertThat(outcome.json().exitCode())
                .as("exit code%n%s", outcome.json())
                .isEqualTo(1);
        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.text().out())
                .as("nothing but the verdict on stdout")
                .matches("Invalid: \\d+ errors?, \\d+ warnings?\\.\n");
        assertThat(outcome.diagnostics()).as("every diagnostic is located").allSatisfy(d -> {
            assertThat(d.file()).isNotEmpty();
            assertThat(d.line()).isPositive();
            assertThat(d.column()).isPositive();
        });
        List<Diag> matching = outcome.diagnostics().stream()
                .filter(d -> d.severity().equals("error")
                        && d.code().equals(c.code())
                        && d.file().equals(input.file())
                        && d.line() == c.line()
                        && (c.column() == null || d.column() == c.column())
                        && d.message().contains(c.message()))
                .toList();
        assertThat(matching)
                .as(
                        "expected %s; got (first 10)%n%s",
                        c,
                        String.join(
                                "\n",
                                outcome.diagnostics().stream()
                                        .limit(10)
                                        .map(Diag::text)
                                        .toList()))
                .isNotEmpty();
        if (c.count() != null) {
            assertThat(outcome.diagnostics()).as("diagnostics of %s", c.name()).hasSize(c.count());
        }
        // The text form carries the same diagnostic, as file:line:column: error[code]: message.
        assertThat(outcome.text().err()).contains(matching.get(0).text());
    }

    /** One broken folder: every problem of every file is reported in the same run. */
    @Test
    @Timeout(60)
    void aBrokenFolderReportsEveryProblemOfEveryFile(@TempDir Path dir) throws IOException {
        Path manifests = dir.resolve("manifests");
        // fixture -> where it goes in the folder, and how many diagnostics it gives on its own
        Map<String, Map.Entry<String, Integer>> files = Map.of(
                "duplicate-key.yaml", Map.entry("duplicate-key.yaml", 1),
                "unknown-field.yaml", Map.entry("unknown-field.yaml", 1),
                "bare-number.yaml", Map.entry("bare-number.yaml", 1),
                "confusable-cyrillic.yaml", Map.entry("confusable-cyrillic.yaml", 1),
                "empty-mapping.yaml", Map.entry("empty-mapping.yaml", 2),
                "injection-name.yaml", Map.entry("injection-name.yaml", 2),
                "tabs-indentation.yaml", Map.entry("nested/deeper/tabs.yml", 1),
                "java-tag.yaml", Map.entry("nested/gadget.yaml", 3),
                "broken.json", Map.entry("nested/broken.json", 1));
        Map<String, Integer> expected = new HashMap<>();
        for (var file : files.entrySet()) {
            Path target = manifests.resolve(file.getValue().getKey());
            Corpus.write(target, Files.readAllBytes(Corpus.fixture("hostile", file.getKey())));
            expected.put(target.toString(), file.getValue().getValue());
        }
        Corpus.write(manifests.resolve("good.yaml"), account("good"));
        Corpus.write(manifests.resolve("notes.txt"), "this: [is not read");

        Outcome outcome = Corpus.validate(manifests.toString());

        assertThat(outcome.json().exitCode()).isEqualTo(1);
        Map<String, Integer> perFile = new HashMap<>();
        outcome.diagnostics().forEach(d -> perFile.merge(d.file(), 1, Integer::sum));
        assertThat(perFile).as("%s", outcome.text()).isEqualTo(expected);
        assertThat(outcome.diagnostics()).hasSize(13);
        assertThat(outcome.text().out()).isEqualTo("Invalid: 13 errors, 0 warnings.\n");
    }

    /** The same problems, handed over as several -f arguments, one of them standard input. */
    @Test
    @Timeout(60)
    void severalPathsAndStandardInputAreAllReported() throws IOException {
        byte[] stdin = Files.readAllBytes(Corpus.fixture("hostile", "merge-key.yaml"));
        Path duplicate = Corpus.fixture("hostile", "duplicate-key.yaml");
        Path unknown = Corpus.fixture("hostile", "unknown-kind.yaml");

        Outcome outcome = Corpus.validate(stdin, duplicate.toString(), "-", unknown.toString());

        assertThat(outcome.json().exitCode()).isEqualTo(1);
        assertThat(outcome.diagnostics())
                .extracting(Diag::file, Diag::line, Diag::code)
                .containsExactlyInAnyOrder(
                        Tuple.tuple(duplicate.toString(), 9, "yaml"),
                        Tuple.tuple("<stdin>", 6, "yaml"),
                        Tuple.tuple(unknown.toString(), 3, "schema"));
    }

    /** A symbolic link to a file outside the folder is refused, while the rest of the folder is read. */
    @Test
    @Timeout(60)
    void aLinkOutOfTheFolderIsNotRead(@TempDir Path dir) {
        Input input = input("gen:symlink-out-of-folder", dir);

        Outcome outcome = Corpus.validate(input.path());

        assertThat(outcome.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.file()).endsWith("evil.yaml"));
        assertThat(outcome.text().err() + outcome.json().out()).doesNotContain("secret@hotmail.com");
    }

    private static Input input(String name, Path dir) {
        if (!name.startsWith("gen:")) {
            return Input.file(Corpus.fixture("hostile", name));
        }
        Function<Path, Input> generator = GENERATED.get(name.substring(4));
        assertThat(generator).as("a generator for %s", name).isNotNull();
        if (name.contains("symlink")) {
            assumeTrue(canLink(dir), "this file system cannot hold symbolic links");
        }
        return generator.apply(dir);
    }

    private static boolean canLink(Path dir) {
        try {
            Path probe = Files.createSymbolicLink(dir.resolve("probe"), Path.of("target"));
            Files.delete(probe);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Integer optional(String cell) {
        return cell.equals("-") ? null : Integer.valueOf(cell);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }

    private static byte[] utf16(byte[] bom, String text, String charset) {
        byte[] body = text.getBytes(Charset.forName(charset));
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }
}
