package io.tenantctl.json;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the program, printing helpers, and canonical digests. */
public final class Json {

    public static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public static final JsonMapper COMPACT = JsonMapper.builder().build();

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

    /** Indented JSON with a final newline, written as it goes. */
    public static void pretty(JsonNode node, Writer out) {
        try {
            MAPPER.writeValue(
                    new FilterWriter(out) {
                        @Override
                        public void close() {
                            // the caller owns the writer
                        }
                    },
                    node);
            out.write('\n');
            out.flush();
        } catch (JacksonException | IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
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

    /** The same tree with every object's keys sorted, so that equal content prints the same. */
    public static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(null);
            ObjectNode out = NODES.objectNode();
            for (String name : names) {
                out.set(name, canonical(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (JsonNode item : node) {
                out.add(canonical(item));
            }
            return out;
        }
        return node;
    }

    /** {@code sha256:<hex>} of the canonical compact form. */
    public static String digest(JsonNode node) {
        Sha256 sha = new Sha256();
        try (JsonGenerator gen = COMPACT.createGenerator(sha.stream())) {
            writeCanonical(gen, node);
        }
        return sha.hex();
    }

    /** {@code sha256:<hex>} of the canonical form of an object without one of its top-level members. */
    public static String digestWithout(JsonNode object, String member) {
        Sha256 sha = new Sha256();
        try (JsonGenerator gen = COMPACT.createGenerator(sha.stream())) {
            List<String> names = new ArrayList<>(object.propertyNames());
            names.sort(null);
            gen.writeStartObject();
            for (String name : names) {
                if (!name.equals(member)) {
                    gen.writeName(name);
                    writeCanonical(gen, object.get(name));
                }
            }
            gen.writeEndObject();
        }
        return sha.hex();
    }

    /** Writes a tree with every object's keys sorted, without copying it. */
    public static void writeCanonical(JsonGenerator gen, JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(null);
            gen.writeStartObject();
            for (String name : names) {
                gen.writeName(name);
                writeCanonical(gen, node.get(name));
            }
            gen.writeEndObject();
        } else if (node.isArray()) {
            gen.writeStartArray();
            for (JsonNode item : node) {
                writeCanonical(gen, item);
            }
            gen.writeEndArray();
        } else {
            gen.writeTree(node);
        }
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

    public static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** A string map as a JSON object, in the map's order. */
    public static ObjectNode map(Map<String, String> values) {
        ObjectNode out = NODES.objectNode();
        values.forEach(out::put);
        return out;
    }
}
