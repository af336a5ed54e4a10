package io.tenantctl.load;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.assertj.core.groups.Tuple;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading manifests from a commit of a real repository made here with JGit: the commit's content
 * whatever the working tree holds, the loader's rules for paths, and nothing outside the paths.
 */
class GitManifestSourceTest {

    private static final PersonIdent WHO = new PersonIdent("Test", "test@example.com");
    private static final String OUTSIDE = "symbolic link points outside the manifest directory; it is not read";

    @TempDir
    Path dir;

    private Git git;
    private final GitManifestSource source = new GitManifestSource(Limits.DEFAULT);
    private final ManifestLoader loader = new ManifestLoader(Limits.DEFAULT);

    @BeforeEach
    void init() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void readsTheCommitTheRefNamesNotTheWorkingTree() throws Exception {
        write("manifests/a.yaml", "v: 1\n");
        RevCommit first = commit("first");
        git.tag()
                .setName("v1")
                .setAnnotated(true)
                .setMessage("one")
                .setTagger(WHO)
                .call();
        git.tag().setName("light").setAnnotated(false).call();
        git.branchCreate().setName("old").call();
        write("manifests/a.yaml", "v: 2\n");
        write("manifests/b.yaml", "b: 2\n");
        RevCommit second = commit("second");
        // Neither an uncommitted edit nor an untracked file is part of any commit.
        write("manifests/a.yaml", "v: 3\n");
        write("manifests/untracked.yaml", "u: 3\n");

        RawFiles atMain = source.read(dir, "main", List.of("manifests"));
        assertThat(atMain.diagnostics()).isEmpty();
        assertThat(atMain.commitId().orElseThrow()).isEqualTo(second.name()).hasSize(40);
        assertThat(texts(atMain)).containsExactly("manifests/a.yaml=v: 2\n", "manifests/b.yaml=b: 2\n");

        for (String ref : List.of(
                "v1",
                "light",
                "old",
                "HEAD~1",
                "main^",
                first.name(),
                first.name().substring(0, 7))) {
            RawFiles read = source.read(dir, ref, List.of("manifests/"));
            assertThat(read.diagnostics()).as(ref).isEmpty();
            assertThat(read.commitId().orElseThrow()).as(ref).isEqualTo(first.name());
            assertThat(texts(read)).as(ref).containsExactly("manifests/a.yaml=v: 1\n");
        }

        // Packed, as in any clone, the objects read the same.
        git.gc().call();
        assertThat(texts(source.read(dir, "v1", List.of("manifests")))).containsExactly("manifests/a.yaml=v: 1\n");
        assertThat(texts(source.read(dir, "main", List.of("manifests"))))
                .containsExactly("manifests/a.yaml=v: 2\n", "manifests/b.yaml=b: 2\n");
    }

    @Test
    void directoriesAreSearchedRecursivelyAndNothingOutsideThePathsIsRead() throws Exception {
        write("manifests/a.yaml", "a: 1\n");
        write("manifests/sub/b.yml", "b: 1\n");
        write("manifests/sub/deep/c.json", "{\"c\": 1}\n");
        write("manifests/.hidden.yaml", "hidden: 1\n");
        write("manifests/.private/x.yaml", "hidden: 2\n");
        write("manifests/README.md", "# readme\n");
        write("manifests-old/x.yaml", "old: 1\n");
        write("other/secret.yaml", "secret: 1\n");
        commit("tree");

        RawFiles read = source.read(dir, "HEAD", List.of("./manifests/"));
        assertThat(read.diagnostics()).isEmpty();
        assertThat(names(read)).containsExactly("manifests/a.yaml", "manifests/sub/b.yml", "manifests/sub/deep/c.json");

        // A file named directly is read whatever its extension; display names stay repository-relative.
        RawFiles named = source.read(dir, "HEAD", List.of("manifests/README.md", "manifests/sub/"));
        assertThat(names(named))
                .containsExactly("manifests/README.md", "manifests/sub/b.yml", "manifests/sub/deep/c.json");

        // The top of the tree, as "." names it: everything not hidden, in sorted order.
        RawFiles all = source.read(dir, "HEAD", List.of("."));
        assertThat(names(all))
                .containsExactly(
                        "manifests-old/x.yaml",
                        "manifests/a.yaml",
                        "manifests/sub/b.yml",
                        "manifests/sub/deep/c.json",
                        "other/secret.yaml");
    }

    @Test
    void aRepositoryIsFoundFromASubfolderAndABareRepositoryIsRead(@TempDir Path bare) throws Exception {
        write("manifests/a.yaml", "a: 1\n");
        RevCommit commit = commit("one");

        RawFiles fromSub = source.read(dir.resolve("manifests"), "main", List.of("manifests"));
        assertThat(fromSub.diagnostics()).isEmpty();
        assertThat(names(fromSub)).containsExactly("manifests/a.yaml");

        Git.cloneRepository()
                .setBare(true)
                .setURI(dir.toUri().toString())
                .setDirectory(bare.toFile())
                .call()
                .close();
        RawFiles read = source.read(bare, "main", List.of("manifests"));
        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.commitId().orElseThrow()).isEqualTo(commit.name());
        assertThat(texts(read)).containsExactly("manifests/a.yaml=a: 1\n");
    }

    @Test
    void aLinkInsideThePathIsFollowedAndLinksLeavingItAreRefusedWhereTheyAre() throws Exception {
        write("manifests/real/target.yaml", "target: 1\n");
        write("manifests/sub/inner.yaml", "inner: 1\n");
        write("other/secret.yaml", "secret: 1\n");
        link("manifests/link.yaml", "real/target.yaml");
        link("manifests/chain.yaml", "link.yaml");
        link("manifests/out.yaml", "../other/secret.yaml");
        link("manifests/passwd.yaml", "../../etc/passwd");
        link("manifests/absolute.yaml", "/etc/passwd");
        link("manifests/dangling.yaml", "real/missing.yaml");
        link("manifests/folder.yaml", "real");
        link("manifests/sub/up.yaml", "../real/target.yaml");
        commit("links");

        RawFiles read = source.read(dir, "HEAD", List.of("manifests"));
        assertThat(texts(read))
                .containsExactly(
                        "manifests/chain.yaml=target: 1\n",
                        "manifests/link.yaml=target: 1\n",
                        "manifests/real/target.yaml=target: 1\n",
                        "manifests/sub/inner.yaml=inner: 1\n",
                        // Inside manifests/, so followed when manifests/ is the path named...
                        "manifests/sub/up.yaml=target: 1\n");
        assertThat(lines(read))
                .containsExactlyInAnyOrder(
                        "manifests/out.yaml:1:1 yaml " + OUTSIDE,
                        "manifests/passwd.yaml:1:1 yaml " + OUTSIDE,
                        "manifests/absolute.yaml:1:1 yaml " + OUTSIDE,
                        "manifests/dangling.yaml:1:1 yaml broken symbolic link; it is not read",
                        "manifests/folder.yaml:1:1 yaml symbolic link does not point to a file; it is not read");

        // ...but not when only manifests/sub/ is.
        RawFiles sub = source.read(dir, "HEAD", List.of("manifests/sub"));
        assertThat(names(sub)).containsExactly("manifests/sub/inner.yaml");
        assertThat(lines(sub)).containsExactly("manifests/sub/up.yaml:1:1 yaml " + OUTSIDE);

        // A link named directly points, by definition, outside the path named.
        RawFiles named = source.read(dir, "HEAD", List.of("manifests/link.yaml"));
        assertThat(named.files()).isEmpty();
        assertThat(lines(named)).containsExactly("manifests/link.yaml:1:1 yaml " + OUTSIDE);

        // Only to spare the temporary folder's clean-up its warnings about links to /etc/passwd.
        Files.delete(dir.resolve("manifests/absolute.yaml"));
        Files.delete(dir.resolve("manifests/passwd.yaml"));
    }

    @Test
    void aSubmoduleIsNotReadAndSaysSo() throws Exception {
        write("manifests/a.yaml", "a: 1\n");
        try (Git inner =
                Git.init().setDirectory(dir.resolve("manifests/team").toFile()).call()) {
            Files.writeString(dir.resolve("manifests/team/t.yaml"), "t: 1\n");
            inner.add().addFilepattern(".").call();
            inner.commit()
                    .setMessage("inner")
                    .setAuthor(WHO)
                    .setCommitter(WHO)
                    .setSign(false)
                    .call();
        }
        commit("with a submodule");

        RawFiles read = source.read(dir, "HEAD", List.of("manifests"));
        assertThat(names(read)).containsExactly("manifests/a.yaml");
        assertThat(lines(read))
                .containsExactly(
                        "manifests/team:1:1 yaml submodule; its files are not in this commit and are not read");
    }

    @Test
    void badRefsRepositoriesAndPathsGetOneClearDiagnosticEach(@TempDir Path plain) throws Exception {
        write("manifests/a.yaml", "a: 1\n");
        RevCommit commit = commit("one");

        RawFiles unknown = source.read(dir, "origin/nope", List.of("manifests"));
        assertThat(unknown.commitId()).isEmpty();
        assertThat(unknown.files()).isEmpty();
        assertThat(lines(unknown))
                .containsExactly(" git unknown git ref origin/nope: it names no commit in this"
                        + " repository; fetch it first (in a shallow clone, fetch more history)");

        assertThat(lines(source.read(dir, commit.getTree().name(), List.of("manifests"))))
                .containsExactly(" git git ref " + commit.getTree().name() + " does not name a commit");
        assertThat(lines(source.read(dir, "main..", List.of("manifests")))).hasSize(1);

        RawFiles notRepo = source.read(plain, "main", List.of("manifests"));
        assertThat(notRepo.commitId()).isEmpty();
        assertThat(lines(notRepo))
                .containsExactly(" git not a git repository (nor any of its parents): "
                        + plain.toAbsolutePath().normalize());
        assertThat(lines(source.read(dir.resolve("missing"), "main", List.of("manifests"))))
                .containsExactly(" git no such directory: " + dir.resolve("missing"));

        RawFiles paths = source.read(dir, "main", List.of("-", "nowhere/", "../manifests", "/etc", "manifests"));
        assertThat(paths.commitId().orElseThrow()).isEqualTo(commit.name());
        assertThat(names(paths)).containsExactly("manifests/a.yaml");
        assertThat(lines(paths))
                .containsExactly(
                        " git standard input (-f -) cannot be read from a git commit; name files or directories",
                        " no-such-file no such file or directory: nowhere/",
                        "../manifests:1:1 yaml path must be relative to the top of the repository and stay inside it:"
                                + " ../manifests",
                        "/etc:1:1 yaml path must be relative to the top of the repository and stay inside it: /etc");
    }

    @Test
    void theLimitsOnCountAndTotalSizeHold() throws Exception {
        write("manifests/a.yaml", "a: 1\n");
        write("manifests/b.yaml", "b: 1\n");
        write("manifests/c.yaml", "c: 1\n");
        commit("three");

        RawFiles tooMany = new GitManifestSource(limits(1000, 1000, 2)).read(dir, "HEAD", List.of("manifests"));
        assertThat(tooMany.files()).isEmpty();
        assertThat(lines(tooMany)).containsExactly(" yaml more than 2 manifest files; split the run");

        // 5 + 5 bytes fit in 12, the third file does not.
        RawFiles tooMuch = new GitManifestSource(limits(1000, 12, 10)).read(dir, "HEAD", List.of("manifests"));
        assertThat(names(tooMuch)).containsExactly("manifests/a.yaml", "manifests/b.yaml");
        assertThat(lines(tooMuch))
                .containsExactly("manifests/c.yaml:1:1 yaml manifests total more than 12 bytes; the rest is not read");
    }

    /**
     * A blob whose header claims 100,000 bytes but whose content is cut short: reading it fails, so
     * a diagnostic that it is too big, and no read failure, shows the size was checked from the
     * header before any content was inflated.
     */
    @Test
    void aBlobOverTheSizeLimitIsRefusedBeforeItsContentIsRead() throws Exception {
        ObjectId big = ObjectId.fromString("0123456789abcdef0123456789abcdef01234567");
        Path loose = dir.resolve(".git/objects/01/23456789abcdef0123456789abcdef01234567");
        Files.createDirectories(loose.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write("blob 100000\0only this".getBytes(UTF_8));
        }
        Files.write(loose, bytes.toByteArray());
        RevCommit commit;
        try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            ObjectId small = inserter.insert(Constants.OBJ_BLOB, "s: 1\n".getBytes(UTF_8));
            TreeFormatter manifests = new TreeFormatter();
            manifests.append("big.yaml", FileMode.REGULAR_FILE, big);
            manifests.append("small.yaml", FileMode.REGULAR_FILE, small);
            TreeFormatter top = new TreeFormatter();
            top.append("manifests", FileMode.TREE, inserter.insert(manifests));
            CommitBuilder builder = new CommitBuilder();
            builder.setTreeId(inserter.insert(top));
            builder.setAuthor(WHO);
            builder.setCommitter(WHO);
            builder.setMessage("crafted");
            ObjectId id = inserter.insert(builder);
            inserter.flush();
            commit = git.getRepository().parseCommit(id);
        }
        RefUpdate update = git.getRepository().updateRef("refs/heads/crafted");
        update.setNewObjectId(commit);
        update.forceUpdate();

        RawFiles limited =
                new GitManifestSource(limits(1000, 1_000_000, 10)).read(dir, "crafted", List.of("manifests"));
        assertThat(texts(limited)).containsExactly("manifests/small.yaml=s: 1\n");
        assertThat(lines(limited))
                .containsExactly("manifests/big.yaml:1:1 yaml file is 100000 bytes; the limit is 1000 bytes per file");

        // Within the limit it is read, fails, and says so where it is: a diagnostic, not a stack trace.
        RawFiles unlimited = source.read(dir, "crafted", List.of("manifests"));
        assertThat(names(unlimited)).containsExactly("manifests/small.yaml");
        assertThat(unlimited.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.GIT);
            assertThat(d.location().toString()).isEqualTo("manifests/big.yaml:1:1");
        });
    }

    @Test
    void loadParsesEachFileUnderItsRepositoryPath() throws Exception {
        write("manifests/a.yaml", "a: 1\n---\nb: 2\n");
        write("manifests/bad.yaml", "a: 1\na: 2\n");
        RevCommit commit = commit("yaml");
        write("manifests/a.yaml", "changed: in the working tree\n");

        RawFiles read = source.read(dir, "main", List.of("manifests"));
        LoadResult load = loader.load(read);
        assertThat(read.commitId().orElseThrow()).isEqualTo(commit.name());
        assertThat(load.documents())
                .extracting(Document::file, d -> d.root().toString())
                .containsExactly(
                        Tuple.tuple("manifests/a.yaml", "{\"a\":1}"), Tuple.tuple("manifests/a.yaml", "{\"b\":2}"));
        assertThat(load.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("yaml");
            assertThat(d.location().file()).isEqualTo("manifests/bad.yaml");
            assertThat(d.location().line()).isEqualTo(2);
        });

        RawFiles none = source.read(dir, "nope", List.of("manifests"));
        LoadResult failed = loader.load(none);
        assertThat(none.commitId()).isEmpty();
        assertThat(failed.documents()).isEmpty();
        assertThat(failed.diagnostics()).hasSize(1);
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void link(String path, String target) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.createSymbolicLink(file, Path.of(target));
    }

    private RevCommit commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        // A user's commit.gpgSign must not make the test try to sign.
        return git.commit()
                .setMessage(message)
                .setAuthor(WHO)
                .setCommitter(WHO)
                .setSign(false)
                .call();
    }

    private static Limits limits(long fileBytes, long totalBytes, int files) {
        Limits d = Limits.DEFAULT;
        return new Limits(
                fileBytes,
                totalBytes,
                files,
                d.maxDocumentsPerFile(),
                d.maxDepth(),
                d.maxScalarLength(),
                d.maxProblemsPerFile());
    }

    private static List<String> names(RawFiles read) {
        return read.files().stream().map(RawFile::name).toList();
    }

    private static List<String> texts(RawFiles read) {
        return read.files().stream()
                .map(f -> f.name() + "=" + new String(f.bytes(), UTF_8))
                .toList();
    }

    private static List<String> lines(RawFiles read) {
        return read.diagnostics().stream().map(GitManifestSourceTest::line).toList();
    }

    private static String line(Diagnostic d) {
        return d.location() + " " + d.code() + " " + d.message();
    }
}
