package io.tenantctl.render;

import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One-line rendering of a field value in a plan, as {@code [a, b]} and {@code {k: v}}. The views differ
 * only in how they quote a string: the terminal shows it as written, the Markdown comment escapes it
 * as JSON so that a value cannot break out of its code span.
 */
final class InlineValue {

    private InlineValue() {}

    static String render(JsonNode node, Function<JsonNode, String> string) {
        if (node.isString()) {
            return string.apply(node);
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(render(node.get(i), string));
            }
            return out.append(']').toString();
        }
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (var e : node.properties()) {
                out.append(first ? "" : ", ").append(e.getKey()).append(": ").append(render(e.getValue(), string));
                first = false;
            }
            return out.append('}').toString();
        }
        return node.toString();
    }
}
