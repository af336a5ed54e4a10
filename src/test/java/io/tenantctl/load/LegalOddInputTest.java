package io.tenantctl.load;

import static io.tenantctl.load.Corpus.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantctl.load.Corpus.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Odd but legal inputs: each must validate (exit 0, no errors) and yield exactly the expected
 * number of objects. Fixtures are in {@code corpus/legal}; the rest is built in a temp dir.
 */
class LegalOddInputTest {

    /** What to run: the {@code -f} arguments and standard input. */
    record Input(List<String> paths, byte[] stdin) {

        static Input of(Path... paths) {
            return new Input(Stream.of(paths).map(Path::toString).toList(), new byte[0]);
        }

        static Input stdin(String text) {
            return new Input(List.of("-"), text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One legal case: how to build its input and how many objects it declares. */
    record Case(String name, Function<Path, Input> input, int objects) {

        @Override
        public String toString() {
            return name + " -> " + objects + " objects";
        }
    }

    private static Case fixture(String file, int objects) {
        return new Case(file, dir -> Input.of(Corpus.fixture("legal", file)), objects);
    }

    private static Case generated(String name, int objects, Function<Path, Input> input) {
        return new Case(name, input, objects);
    }

    static Stream<Case> cases() {
        return Stream.of(
                fixture("empty.yaml", 0),
                fixture("only-comments.yaml", 0),
                fixture("empty-documents.yaml", 2),
                fixture("yaml12-words.yaml", 6),
                fixture("quoted-words.yaml", 5),
                fixture("unicode-and-styles.yaml", 4),
                fixture("yaml-directive-1-2.yaml", 1),
                fixture("account.json", 1),
                fixture("account.yml", 1),
                generated(
                        "utf-8 byte-order mark",
                        1,
                        dir -> Input.of(Corpus.write(dir.resolve("bom.yaml"), "\uFEFF" + account("bom")))),
                generated(
                        "CRLF line ends",
                        2,
                        dir -> Input.of(Corpus.write(
                                dir.resolve("crlf.yaml"),
                                (account("crlf-1") + "---\n" + account("crlf-2")).replace("\n", "\r\n")))),
                generated(
                        "byte-order mark and CRLF",
                        1,
                        dir -> Input.of(Corpus.write(
                                dir.resolve("windows.yaml"),
                                "\uFEFF" + account("windows").replace("\n", "\r\n")))),
                generated(
                        "CR-only line ends",
                        2,
                        dir -> Input.of(Corpus.write(
                                dir.resolve("cr.yaml"),
                                (account("cr-1") + "---\n" + account("cr-2")).replace("\n", "\r")))),
                generated(
                        "no newline at the end",
                        1,
                        dir -> Input.of(Corpus.write(
                                dir.resolve("eof.yaml"), account("eof").stripTrailing()))),
                generated("JSON manifests, one object per file", 3, dir -> {
                    for (String name : List.of("alpha", "beta", "gamma")) {
                        Corpus.write(dir.resolve("json/" + name + ".json"), json(name));
                    }
                    return Input.of(dir.resolve("json"));
                }),
                generated("JSON on one line, CRLF, upper-case extension", 2, dir -> {
                    Corpus.write(
                            dir.resolve("m/ONE.JSON"),
                            json("one").replace("\n", "").replace("  ", ""));
                    Corpus.write(dir.resolve("m/two.json"), json("two").replace("\n", "\r\n"));
                    return Input.of(dir.resolve("m"));
                }),
                generated("standard input", 1, dir -> Input.stdin(account("from-stdin"))),
                generated(
                        "standard input, several documents",
                        2,
                        dir -> Input.stdin(account("stdin-1") + "---\n" + account("stdin-2"))),
                generated(
                        "standard input next to files",
                        2,
                        dir -> new Input(
                                List.of(
                                        Corpus.write(dir.resolve("file.yaml"), account("file"))
                                                .toString(),
                                        "-"),
                                account("piped").getBytes(StandardCharsets.UTF_8))),
                generated("directories searched recursively", 4, dir -> {
                    Corpus.write(dir.resolve("m/top.yaml"), account("top"));
                    Corpus.write(dir.resolve("m/a/one.yml"), account("one"));
                    Corpus.write(dir.resolve("m/a/b/two.yaml"), account("two"));
                    Corpus.write(dir.resolve("m/a/b/c/d/e/three.json"), json("three"));
                    return Input.of(dir.resolve("m"));
                }),
                generated("hidden files and directories skipped", 1, dir -> {
                    Corpus.write(dir.resolve("m/visible.yaml"), account("visible"));
                    Corpus.write(dir.resolve("m/.git/objects/broken.yaml"), "this: [is not read");
                    Corpus.write(dir.resolve("m/.github/workflows/ci.yml"), "on: [push]\njobs: {}\n");
                    Corpus.write(dir.resolve("m/.hidden.yaml"), "- not a manifest");
                    Corpus.write(dir.resolve("m/sub/.draft.yaml"), "{{{");
                    return Input.of(dir.resolve("m"));
                }),
                generated("a hidden directory named explicitly is read", 1, dir -> {
                    Corpus.write(dir.resolve(".manifests/acct.yaml"), account("hidden-root"));
                    return Input.of(dir.resolve(".manifests"));
                }),
                generated("other extensions in a directory ignored", 1, dir -> {
                    Corpus.write(dir.resolve("m/acct.yaml"), account("acct"));
                    Corpus.write(dir.resolve("m/README.txt"), "this: [is not read");
                    Corpus.write(dir.resolve("m/notes.md"), "# not: [a manifest");
                    Corpus.write(dir.resolve("m/acct.yaml.bak"), "{{{");
                    Corpus.write(dir.resolve("m/Makefile"), "all:\n\techo\n");
                    return Input.of(dir.resolve("m"));
                }),
                generated(
                        "a .txt file named explicitly is read",
                        1,
                        dir -> Input.of(Corpus.write(dir.resolve("account.txt"), account("txt")))),
                generated(
                        "a file without extension named explicitly is read",
                        1,
                        dir -> Input.of(Corpus.write(dir.resolve("ACCOUNT"), account("bare")))),
                generated("a symbolic link inside the folder is read", 2, dir -> {
                    linkable(dir);
                    Corpus.write(dir.resolve("m/real.yaml"), account("real"));
                    Corpus.write(dir.resolve("m/data/linked.txt"), account("linked"));
                    Corpus.symlink(dir.resolve("m/linked.yaml"), Path.of("data", "linked.txt"));
                    return Input.of(dir.resolve("m"));
                }),
                generated("a symbolic link to a directory given as -f", 1, dir -> {
                    linkable(dir);
                    Corpus.write(dir.resolve("real/acct.yaml"), account("via-link"));
                    Corpus.symlink(dir.resolve("link"), Path.of("real"));
                    return Input.of(dir.resolve("link"));
                }),
                generated("exactly 20,000 documents in one file", 20_000, dir -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < 20_000; i++) {
                        text.append("---\n{apiVersion: tenantctl.io/v1, kind: Account, metadata: {name: a")
                                .append(i)
                                .append("}, spec: {signInName: a")
                                .append(i)
                                .append("@hotmail.com, type: MicrosoftAccount}}\n");
                    }
                    return Input.of(Corpus.write(dir.resolve("many.yaml"), text.toString()));
                }),
                generated(
                        "a 15 MB comment",
                        1,
                        dir -> Input.of(Corpus.repeat(
                                dir.resolve("commented.yaml"),
                                account("commented") + "# ",
                                "x",
                                15L * 1024 * 1024,
                                "\n"))),
                generated(
                        "long values up to the schema's bounds",
                        1,
                        dir -> Input.of(Corpus.write(dir.resolve("long.yaml"), """
                                apiVersion: tenantctl.io/v1
                                kind: Account
                                metadata:
                                  name: NAME
                                  annotations: {note: NOTE}
                                spec: {signInName: long@hotmail.com, type: MicrosoftAccount, displayName: DISPLAY}
                                """.replace("NAME", "n".repeat(63))
                                .replace("NOTE", "a".repeat(4_096))
                                .replace("DISPLAY", "d".repeat(256))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(60) // a guard against a hang; large cases take some 20 s on a busy two-core machine
    void readAndCounted(Case c, @TempDir Path dir) {
        Input input = c.input().apply(dir);

        // a set that declares nothing is refused unless said to be meant
        List<String> options = c.objects() == 0 ? List.of("--allow-empty") : List.of();
        Outcome outcome = Corpus.validate(input.stdin(), options, input.paths().toArray(String[]::new));

        assertThat(outcome.json().exitCode()).as("%s", outcome.text()).isZero();
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.errors()).as("%s", outcome.text()).isZero();
        Matcher valid = Pattern.compile("^Valid: (\\d+) objects?, 0 errors, \\d+ warnings?\\.$", Pattern.MULTILINE)
                .matcher(outcome.text().out());
        assertThat(valid.find()).as("%s", outcome.text()).isTrue();
        assertThat(Integer.parseInt(valid.group(1))).as("objects read").isEqualTo(c.objects());
    }

    /**
     * YAML 1.2 core schema: NO, on, yes, off, y and n stay strings, and quoting keeps true, null and
     * 007 as written. Checked on the loaded tree, not only by the schema passing.
     */
    @Test
    void yaml12WordsStayStrings() throws IOException {
        LoadResult words = load(Corpus.fixture("legal", "yaml12-words.yaml"));
        LoadResult quoted = load(Corpus.fixture("legal", "quoted-words.yaml"));

        assertThat(words.diagnostics()).isEmpty();
        assertThat(words.documents())
                .extracting(d -> d.root().at("/spec/displayName"))
                .allSatisfy(node ->
                        assertThat(node.isString()).as("%s is a string", node).isTrue())
                .extracting(JsonNode::stringValue)
                .containsExactly("NO", "on", "yes", "Off", "y", "N");
        assertThat(words.documents())
                .extracting(d -> d.root().at("/metadata/name").stringValue())
                .containsExactly("norway", "on", "yes", "off", "y", "n");
        assertThat(quoted.documents())
                .extracting(d -> d.root().at("/spec/displayName").stringValue())
                .containsExactly("true", "null", "~", "007", "NO");
    }

    /** Empty documents are skipped without shifting the locations of the others. */
    @Test
    void emptyDocumentsKeepLocations() {
        LoadResult result = load(Corpus.fixture("legal", "empty-documents.yaml"));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.documents())
                .extracting(d -> d.locateValue("/metadata/name").line())
                .containsExactly(6, 14);
    }

    /** Reads and parses one file of the working tree, as {@code validate -f FILE} does. */
    private static LoadResult load(Path file) {
        RawFiles raw = new WorkingTree(Limits.DEFAULT, () -> new ByteArrayInputStream(new byte[0]))
                .read(List.of(file.toString()));
        return new ManifestLoader(Limits.DEFAULT).load(raw);
    }

    private static String json(String name) {
        return """
                {
                  "apiVersion": "tenantctl.io/v1",
                  "kind": "Account",
                  "metadata": {"name": "NAME"},
                  "spec": {"signInName": "NAME@hotmail.com", "type": "MicrosoftAccount", "displayName": "NAME"}
                }
                """.replace("NAME", name);
    }

    private static void linkable(Path dir) {
        try {
            Path probe = Files.createSymbolicLink(dir.resolve("probe"), Path.of("target"));
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "this file system cannot hold symbolic links");
        }
    }
}
