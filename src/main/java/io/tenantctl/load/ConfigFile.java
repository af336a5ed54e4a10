package io.tenantctl.load;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A configuration file (the agent's, the connections) read with the manifests' safe YAML reader
 * and checked key by key: one YAML document that is a mapping, every problem a diagnostic of one
 * code at its {@code file:line:column}, all of them collected so that one run reports them all.
 */
public final class ConfigFile {

    private final String code;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Optional<Document> document;

    private ConfigFile(String display, byte[] bytes, String code, String what) {
        this.code = code;
        LoadResult loaded = new ManifestLoader(Limits.DEFAULT).parse(new RawFile(display, bytes));
        problems.addAll(loaded.diagnostics());
        if (!problems.isEmpty()) {
            document = Optional.empty();
        } else if (loaded.documents().size() != 1) {
            problems.add(Diagnostic.error(
                    code,
                    what + " is one YAML document; this file has "
                            + loaded.documents().size(),
                    Location.of(display, 1, 1)));
            document = Optional.empty();
        } else {
            document = Optional.of(loaded.documents().get(0));
        }
    }

    /**
     * Reads a file's bytes, named {@code display} in diagnostics; {@code what} names the file in
     * messages ("the configuration", "a connections file").
     */
    public static ConfigFile read(String display, byte[] bytes, String code, String what) {
        return new ConfigFile(display, bytes, code, what);
    }

    /** The document's root, when the file is one YAML document (a problem says why otherwise). */
    public Optional<JsonNode> root() {
        return document.map(Document::root);
    }

    /** Every problem so far. */
    public List<Diagnostic> problems() {
        return List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Each key of {@code node} that is not one of {@code allowed}, reported at the key. */
    public void keys(JsonNode node, String at, Set<String> allowed) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                List<String> sorted = new ArrayList<>(allowed);
                sorted.sort(null);
                error(
                        at + "/" + SourceMap.escape(key),
                        true,
                        "unknown key '" + key + "' (expected one of: " + String.join(", ", sorted) + ")");
            }
        }
    }

    /** A non-empty string value; a missing required one is reported at its parent. */
    public Optional<String> string(JsonNode parent, String at, String key, boolean required) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                error(at, false, "missing key '" + key + "'");
            }
            return Optional.empty();
        }
        if (!value.isString() || value.asString().isBlank()) {
            error(at + "/" + key, false, key + " is a non-empty string");
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }

    /** A top-level key that must have one value ({@code apiVersion}, {@code kind}). */
    public void constant(JsonNode root, String key, String expected) {
        Optional<String> value = string(root, "", key, true);
        if (value.isPresent() && !value.get().equals(expected)) {
            error("/" + key, false, key + " is " + expected + ", not " + value.get());
        }
    }

    /** A problem at a JSON Pointer: at the key itself ({@code entry}) or at its value. */
    public void error(String pointer, boolean entry, String message) {
        Document d = document.orElseThrow();
        Location where = entry ? d.locateEntry(pointer) : d.locateValue(pointer);
        problems.add(Diagnostic.error(code, message, where));
    }
}
