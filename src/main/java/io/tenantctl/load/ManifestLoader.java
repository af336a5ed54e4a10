package io.tenantctl.load;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses raw manifest files, whichever source they came from, into {@link Document}s: strict
 * UTF-8, then the {@link SafeYamlReader}. Every problem is a located diagnostic; nothing here
 * throws for bad input.
 */
public final class ManifestLoader {

    private final SafeYamlReader reader;

    public ManifestLoader(Limits limits) {
        this.reader = new SafeYamlReader(limits);
    }

    /** Parses every file, in parallel, keeping their order; the source's own problems come first. */
    public LoadResult load(RawFiles raw) {
        List<LoadResult> results = raw.files().parallelStream().map(this::parse).toList();
        List<Document> documents = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>(raw.diagnostics());
        for (LoadResult result : results) {
            documents.addAll(result.documents());
            problems.addAll(result.diagnostics());
        }
        return new LoadResult(documents, problems);
    }

    /** Parses one file. */
    public LoadResult parse(RawFile file) {
        List<Diagnostic> problems = new ArrayList<>();
        Optional<String> text = decode(file.name(), file.bytes(), problems);
        if (text.isEmpty()) {
            return new LoadResult(List.of(), problems);
        }
        SafeYamlReader.Result result = reader.read(file.name(), text.get());
        problems.addAll(result.diagnostics());
        return new LoadResult(result.documents(), problems);
    }

    /**
     * Strict UTF-8: a manifest with invalid bytes is refused where the first bad byte is, rather
     * than read with replacement characters that could hide a confusable name.
     */
    private static Optional<String> decode(String display, byte[] bytes, List<Diagnostic> problems) {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2
                && (((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)
                        || ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE))) {
            problems.add(Diagnostic.error(Codes.YAML, "file is UTF-16; manifests must be UTF-8", start(display)));
            return Optional.empty();
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
            return Optional.empty();
        }
        try {
            CoderResult flushed = decoder.flush(out);
            if (flushed.isError()) {
                flushed.throwException();
            }
        } catch (CharacterCodingException e) {
            problems.add(Diagnostic.error(Codes.YAML, "invalid UTF-8 at the end of the file", start(display)));
            return Optional.empty();
        }
        out.flip();
        return Optional.of(out.toString());
    }

    private static Location start(String display) {
        return Location.of(display, 1, 1);
    }
}
