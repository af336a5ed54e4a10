package io.tenantctl.load;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds and reads manifest files. {@code -f} paths may name files (read whatever their extension),
 * directories (searched recursively for {@code .yaml}, {@code .yml} and {@code .json}, hidden
 * entries skipped, in sorted order) or {@code -} for standard input.
 *
 * <p>A symbolic link met inside a directory is followed only when it stays inside that directory:
 * a pull request must not be able to make the tool read {@code /etc/passwd} by committing a link.
 */
public final class ManifestLoader {

    public static final String STDIN = "-";
    static final String STDIN_NAME = "<stdin>";

    private final Limits limits;
    private final SafeYamlReader reader;
    private final Supplier<InputStream> stdin;

    public ManifestLoader(Limits limits, Supplier<InputStream> stdin) {
        this.limits = limits;
        this.reader = new SafeYamlReader(limits);
        this.stdin = stdin;
    }

    public LoadResult load(List<String> paths) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Source> sources = sources(paths, problems);
        // Files are independent: read and parse them in parallel, and keep their order.
        List<LoadResult> results = sources.parallelStream().map(this::read).toList();
        List<Document> documents = new ArrayList<>();
        for (LoadResult result : results) {
            documents.addAll(result.documents());
            problems.addAll(result.diagnostics());
        }
        return new LoadResult(documents, problems);
    }

    /**
     * The files the paths name, in a stable order, within the limits on their number and total
     * size; what cannot be read goes to {@code problems}. Each can then be {@link #read} on its own.
     */
    public List<Source> sources(List<String> paths, List<Diagnostic> problems) {
        List<Source> sources = new ArrayList<>();
        for (String path : paths) {
            collect(path, sources, problems);
        }
        if (sources.size() > limits.maxFiles()) {
            problems.add(tooManyFiles());
            return List.of();
        }
        long total = 0;
        List<Source> within = new ArrayList<>();
        for (Source source : sources) {
            total += source.path == null ? 0 : sizeOf(source.path);
            if (total > limits.maxTotalBytes()) {
                problems.add(tooManyBytes(source.display));
                break;
            }
            within.add(source);
        }
        return within;
    }

    /** Reads and parses one file. */
    public LoadResult read(Source source) {
        List<Diagnostic> problems = new ArrayList<>();
        byte[] bytes = readBounded(source, problems);
        if (bytes == null) {
            return new LoadResult(List.of(), problems);
        }
        String text = decode(source.display, bytes, problems);
        if (text == null) {
            return new LoadResult(List.of(), problems);
        }
        SafeYamlReader.Result result = reader.read(source.display, text);
        problems.addAll(result.diagnostics());
        return new LoadResult(result.documents(), problems);
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Reads text handed over directly (tests, the git reader). */
    public LoadResult loadText(String display, byte[] bytes) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        if (bytes.length > limits.maxFileBytes()) {
            problems.add(tooBig(display, bytes.length));
        } else {
            String text = decode(display, bytes, problems);
            if (text != null) {
                SafeYamlReader.Result result = reader.read(display, text);
                documents.addAll(result.documents());
                problems.addAll(result.diagnostics());
            }
        }
        return new LoadResult(documents, problems);
    }

    /** A file to read (no path: standard input) and the name diagnostics use for it. */
    public record Source(Path path, String display) {}

    private void collect(String given, List<Source> sources, List<Diagnostic> problems) {
        if (STDIN.equals(given)) {
            sources.add(new Source(null, STDIN_NAME));
            return;
        }
        Path path = Path.of(given);
        if (Files.isDirectory(path)) {
            walk(path, sources, problems);
        } else if (Files.exists(path)) {
            sources.add(new Source(path, path.toString()));
        } else {
            problems.add(Diagnostic.error(Codes.YAML, "no such file or directory: " + given, Location.of(given, 1, 1)));
        }
    }

    private void walk(Path root, List<Source> sources, List<Diagnostic> problems) {
        final Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            problems.add(
                    Diagnostic.error(Codes.YAML, "cannot read directory: " + e.getMessage(), start(root.toString())));
            return;
        }
        List<Source> found = new ArrayList<>();
        // The walk starts from the real path: started from a symbolic link to a directory (-f
        // manifests, a link), it would see one link and read nothing. Files keep the names the
        // user gave (manifests/a.yaml), not the link's target.
        Function<Path, Path> shown = file -> root.resolve(realRoot.relativize(file));
        try {
            Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(realRoot) && hidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (hidden(file) || !isManifestName(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        followLink(file, shown.apply(file), realRoot, found, problems);
                    } else if (attrs.isRegularFile()) {
                        found.add(new Source(file, shown.apply(file).toString()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(Diagnostic.error(
                            Codes.YAML,
                            "cannot read: " + e.getMessage(),
                            start(shown.apply(file).toString())));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(
                    Diagnostic.error(Codes.YAML, "cannot read directory: " + e.getMessage(), start(root.toString())));
        }
        found.sort((a, b) -> a.display.compareTo(b.display));
        sources.addAll(found);
    }

    private static void followLink(
            Path link, Path display, Path realRoot, List<Source> found, List<Diagnostic> problems) {
        try {
            Path target = link.toRealPath();
            if (!target.startsWith(realRoot)) {
                problems.add(Diagnostic.error(
                        Codes.YAML,
                        "symbolic link points outside the manifest directory; it is not read",
                        start(display.toString())));
            } else if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                found.add(new Source(link, display.toString()));
            }
        } catch (IOException e) {
            problems.add(
                    Diagnostic.error(Codes.YAML, "broken symbolic link; it is not read", start(display.toString())));
        }
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    static boolean isManifestName(Path file) {
        return isManifestName(file.getFileName().toString());
    }

    /** The one test of which names a directory search picks up (here and in a git commit). */
    static boolean isManifestName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private byte[] readBounded(Source source, List<Diagnostic> problems) {
        try (InputStream in = source.path == null ? stdin.get() : Files.newInputStream(source.path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
            if (bytes.length > limits.maxFileBytes()) {
                problems.add(tooBig(source.display, -1));
                return null;
            }
            return bytes;
        } catch (NoSuchFileException e) {
            problems.add(Diagnostic.error(Codes.YAML, "no such file", start(source.display)));
        } catch (IOException e) {
            problems.add(Diagnostic.error(Codes.YAML, "cannot read: " + e.getMessage(), start(source.display)));
        }
        return null;
    }

    // The limit messages are shared with GitManifestSource, so both sources word them alike.

    Diagnostic tooManyFiles() {
        return Diagnostic.error(Codes.YAML, "more than " + limits.maxFiles() + " manifest files; split the run");
    }

    Diagnostic tooManyBytes(String display) {
        return Diagnostic.error(
                Codes.YAML,
                "manifests total more than " + limits.maxTotalBytes() + " bytes; the rest is not read",
                start(display));
    }

    Diagnostic tooBig(String display, long size) {
        String actual = size < 0 ? "more than " + limits.maxFileBytes() : String.valueOf(size);
        return Diagnostic.error(
                Codes.YAML,
                "file is " + actual + " bytes; the limit is " + limits.maxFileBytes() + " bytes per file",
                start(display));
    }

    /**
     * Strict UTF-8: a manifest with invalid bytes is refused where the first bad byte is, rather
     * than read with replacement characters that could hide a confusable name.
     */
    static String decode(String display, byte[] bytes, List<Diagnostic> problems) {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2
                && (((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)
                        || ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE))) {
            problems.add(Diagnostic.error(Codes.YAML, "file is UTF-16; manifests must be UTF-8", start(display)));
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            out.flip();
            problems.add(Diagnostic.error(
                    Codes.YAML,
                    String.format(
                            "invalid UTF-8 (byte 0x%02X at offset %d); manifests must be UTF-8",
                            bytes[bad] & 0xff, bad),
                    SafeYamlReader.offsetLocation(display, out, out.length())));
            return null;
        }
        try {
            CoderResult flushed = decoder.flush(out);
            if (flushed.isError()) {
                flushed.throwException();
            }
        } catch (CharacterCodingException e) {
            problems.add(Diagnostic.error(Codes.YAML, "invalid UTF-8 at the end of the file", start(display)));
            return null;
        }
        out.flip();
        return out.toString();
    }

    private static Location start(String display) {
        return Location.of(display, 1, 1);
    }
}
