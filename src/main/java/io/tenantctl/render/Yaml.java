package io.tenantctl.render;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Writes manifests as YAML with Jackson's YAML module: one document per object, stable order. */
public final class Yaml {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();

    private Yaml() {}

    public static String document(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** Several documents separated by {@code ---}. */
    public static String documents(List<? extends JsonNode> nodes) {
        StringBuilder out = new StringBuilder();
        for (JsonNode node : nodes) {
            out.append("---\n").append(document(node));
        }
        return out.toString();
    }
}
