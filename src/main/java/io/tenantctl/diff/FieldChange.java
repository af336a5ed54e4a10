package io.tenantctl.diff;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One field that differs, as a JSON Pointer into the manifest with the value before and after
 * (a JSON null where the field is absent); for a list that stays a list, also the elements it
 * gains and loses, so that a reviewer sees {@code + msmith@hotmail.com} rather than two long lists
 * to compare by eye.
 *
 * @param added   elements of {@code after} that {@code before} lacks, in {@code after}'s order
 * @param removed elements of {@code before} that {@code after} lacks, in {@code before}'s order
 */
public record FieldChange(String path, JsonNode before, JsonNode after, List<JsonNode> added, List<JsonNode> removed) {

    public FieldChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** A change as the differ finds it, with the elements of a list computed here, once. */
    public static FieldChange of(String path, JsonNode before, JsonNode after) {
        if (!before.isArray() || !after.isArray()) {
            return new FieldChange(path, before, after, List.of(), List.of());
        }
        return new FieldChange(path, before, after, missing(after, before), missing(before, after));
    }

    /** True when the change is told element by element. */
    public boolean hasElements() {
        return !added.isEmpty() || !removed.isEmpty();
    }

    /** The elements of {@code from} not in {@code in}, counting repeats (a list may hold one twice). */
    private static List<JsonNode> missing(JsonNode from, JsonNode in) {
        List<JsonNode> left = new ArrayList<>();
        in.forEach(left::add);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode element : from) {
            if (!left.remove(element)) {
                out.add(element);
            }
        }
        return out;
    }
}
