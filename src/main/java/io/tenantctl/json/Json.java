package io.tenantctl.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON mappers of the program, printing helpers, and canonical digests. */
public final class Json {

    /**
     * Indented, for people and pipelines. It never closes the writer or stream it is given: the
     * caller owns it (standard output, or a plan file that gets a final newline after the JSON).
     */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** Compact, in the order the tree has. */
    public static final JsonMapper COMPACT = JsonMapper.builder().build();

    /**
     * The canonical form that digests are computed over: compact, and every object's keys sorted
     * (trees, maps and beans alike), so that equal content gives equal bytes whatever order it was
     * built in. Generators made from it sort every tree written to them.
     */
    public static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Indented JSON with a final newline. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * One indented JSON value, written by {@code value} to a generator as it goes, then a final
     * newline; the writer stays open.
     */
    public static void pretty(Writer out, Consumer<JsonGenerator> value) {
        try (JsonGenerator gen = MAPPER.createGenerator(out)) {
            value.accept(gen);
        }
        try {
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Parses JSON text; throws {@link JacksonException} when it is not JSON. */
    public static JsonNode parse(String text) {
        return COMPACT.readTree(text);
    }

    /** The canonical form as text: compact, keys sorted at every level. */
    public static String canonical(JsonNode node) {
        try {
            return CANONICAL.writeValueAsString(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** {@code sha256:<hex>} of the canonical form. */
    public static String digest(JsonNode node) {
        Sha256 sha = new Sha256();
        CANONICAL.writeValue(sha.stream(), node);
        return sha.hex();
    }

    /** {@code sha256:<hex>} of the canonical form of an object without some of its top-level members. */
    public static String digestWithout(JsonNode object, String... members) {
        Set<String> without = Set.of(members);
        // A shallow copy: the members are shared, not copied, however large they are.
        ObjectNode rest = NODES.objectNode();
        object.properties().forEach(e -> {
            if (!without.contains(e.getKey())) {
                rest.set(e.getKey(), e.getValue());
            }
        });
        return digest(rest);
    }

    /** A canonical generator over a digest: what is written to it is what the digest covers. */
    public static JsonGenerator canonicalGenerator(Sha256 sha) {
        return CANONICAL.createGenerator(sha.stream());
    }

    /** A SHA-256 that canonical JSON can be streamed into. */
    public static final class Sha256 {
        private final MessageDigest sha;

        public Sha256() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java", e);
            }
        }

        public OutputStream stream() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    sha.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    sha.update(b, off, len);
                }
            };
        }

        /** {@code sha256:<hex>} of everything streamed in. */
        public String hex() {
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        }
    }

    /** A string map as a JSON object, in the map's order. */
    public static ObjectNode map(Map<String, String> values) {
        ObjectNode out = NODES.objectNode();
        values.forEach(out::put);
        return out;
    }
}
