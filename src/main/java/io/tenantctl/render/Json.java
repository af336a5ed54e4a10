package io.tenantctl.render;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the program, and helpers to print trees. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public static final JsonMapper COMPACT = JsonMapper.builder().build();

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Indented JSON with a final newline. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JacksonException e) {
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
}
