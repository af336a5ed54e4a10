package io.tenantctl.load;

import io.tenantctl.diag.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Maps JSON Pointers into one document back to where they were written.
 *
 * <p>Marks are kept in a flat array in document (pre-)order, four ints per node: the line and
 * column of the value and of the key that introduced it. A pointer is resolved by walking the tree
 * and counting nodes, which costs the size of one document per lookup but only happens for
 * diagnostics; in exchange the map of a 100,000-object tree costs megabytes, not hundreds of them.
 */
public final class SourceMap {

    private final String file;
    private final int[] marks;

    SourceMap(String file, int[] marks) {
        this.file = file;
        this.marks = marks;
    }

    /** A map for a tree that was not read from a file (the state, tests): everything is at line 1. */
    public static SourceMap synthetic(String file) {
        return new SourceMap(file, new int[] {1, 1, 1, 1});
    }

    public String file() {
        return file;
    }

    /** Where the value at {@code pointer} starts; the nearest existing ancestor when it does not exist. */
    public Location locateValue(JsonNode root, String pointer) {
        return locate(root, pointer, false);
    }

    /**
     * Where the entry at {@code pointer} starts: for an object member the key, otherwise the value.
     * This is what a reader looks for when a field is unknown, duplicated or wrong as a whole.
     */
    public Location locateEntry(JsonNode root, String pointer) {
        return locate(root, pointer, true);
    }

    private Location locate(JsonNode root, String pointer, boolean preferKey) {
        int index = 0;
        boolean member = false;
        JsonNode node = root;
        JsonPointer ptr = JsonPointer.compile(pointer);
        while (!ptr.matches()) {
            String token = ptr.getMatchingProperty();
            int offset = 1;
            JsonNode child = null;
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    if (e.getKey().equals(token)) {
                        child = e.getValue();
                        break;
                    }
                    offset += size(e.getValue());
                }
                member = true;
            } else if (node.isArray()) {
                int wanted = ptr.getMatchingIndex();
                if (wanted >= 0 && wanted < node.size()) {
                    for (int i = 0; i < wanted; i++) {
                        offset += size(node.get(i));
                    }
                    child = node.get(wanted);
                }
                member = false;
            }
            if (child == null) {
                break;
            }
            index += offset;
            node = child;
            ptr = ptr.tail();
        }
        int base = Math.min(index, marks.length / 4 - 1) * 4;
        if (preferKey && member && index > 0) {
            return Location.of(file, marks[base + 2], marks[base + 3]);
        }
        return Location.of(file, marks[base], marks[base + 1]);
    }

    private static int size(JsonNode node) {
        if (!node.isContainer()) {
            return 1;
        }
        int total = 1;
        for (JsonNode child : node.values()) {
            total += size(child);
        }
        return total;
    }

    /** Collects marks in document order while a tree is being built. */
    static final class Recorder {
        private int[] marks = new int[64];
        private int count;

        /** Records one node; 0-based marks from the parser become 1-based here. */
        void add(int valueLine, int valueColumn, int keyLine, int keyColumn) {
            if (count + 4 > marks.length) {
                int[] bigger = new int[marks.length * 2];
                System.arraycopy(marks, 0, bigger, 0, count);
                marks = bigger;
            }
            marks[count++] = valueLine + 1;
            marks[count++] = valueColumn + 1;
            marks[count++] = keyLine + 1;
            marks[count++] = keyColumn + 1;
        }

        SourceMap build(String file) {
            int[] exact = new int[count];
            System.arraycopy(marks, 0, exact, 0, count);
            return new SourceMap(file, exact);
        }
    }

    /** For tests: every pointer this map can locate exactly, in document order. */
    static List<String> pointers(JsonNode root) {
        List<String> out = new ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode node, String pointer, List<String> out) {
        out.add(pointer);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collect(e.getValue(), pointer + "/" + escape(e.getKey()), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    /** Escapes one JSON Pointer token (RFC 6901). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
