package io.tenantctl.load;

import io.tenantctl.diag.Location;
import tools.jackson.databind.JsonNode;

/**
 * One YAML or JSON document of a manifest file: the tree and the map back to its source. The tree
 * is what the schema checks and binding read; the {@link SourceMap} is all that is needed
 * afterwards to locate diagnostics, and is kept on its own.
 *
 * @param file  the file as the user named it ({@code <stdin>} for standard input)
 * @param index the 0-based position of the document in its file
 */
public record Document(String file, int index, JsonNode root, SourceMap sourceMap) {

    /** Where the value at a JSON Pointer of this document was written. */
    public Location locateValue(String pointer) {
        return sourceMap.locateValue(pointer);
    }

    /** Where the entry (for a member: its key) at a JSON Pointer was written. */
    public Location locateEntry(String pointer) {
        return sourceMap.locateEntry(pointer);
    }

    /** Where the document starts. */
    public Location location() {
        return sourceMap.locateValue("");
    }
}
