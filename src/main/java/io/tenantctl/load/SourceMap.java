package io.tenantctl.load;

import io.tenantctl.diag.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Maps JSON Pointers into one document back to where they were written, on its own: once a
 * document is validated and bound, its JSON tree can go and only this map is kept, so that a
 * 100,000-object run holds tens of megabytes of locations instead of hundreds of megabytes of trees.
 *
 * <p>Nodes are kept in document (pre-)order in flat arrays: each node's type, the key that
 * introduced it (for mapping members), its text (for string scalars), the size of its subtree (to
 * skip over it), and four ints of marks: the line and column of the value and of its key. A
 * pointer is resolved by walking those arrays, which costs the size of one document per lookup
 * and happens only for diagnostics.
 */
public final class SourceMap {

    static final byte SCALAR = 0;
    static final byte OBJECT = 1;
    static final byte ARRAY = 2;

    private final String file;
    private final byte[] types;
    private final String[] keys;
    private final String[] values;
    private final int[] sizes;
    private final int[] marks;

    private SourceMap(String file, byte[] types, String[] keys, String[] values, int[] sizes, int[] marks) {
        this.file = file;
        this.types = types;
        this.keys = keys;
        this.values = values;
        this.sizes = sizes;
        this.marks = marks;
    }

    /** A map for a tree that was not read from a file (tests): everything is at line 1. */
    public static SourceMap synthetic(String file) {
        return new SourceMap(
                file, new byte[] {SCALAR}, new String[1], new String[1], new int[] {1}, new int[] {1, 1, 1, 1});
    }

    public String file() {
        return file;
    }

    /** Where the value at {@code pointer} starts; the nearest existing ancestor when it does not exist. */
    public Location locateValue(String pointer) {
        return at(find(pointer).index, false);
    }

    /**
     * Where the entry at {@code pointer} starts: for a mapping member its key, otherwise the value.
     * This is what a reader looks for when a field is unknown, duplicated or wrong as a whole.
     */
    public Location locateEntry(String pointer) {
        Found found = find(pointer);
        return at(found.index, found.member);
    }

    /** True when {@code pointer} names a list. */
    public boolean isList(String pointer) {
        Found found = find(pointer);
        return found.exact && types[found.index] == ARRAY;
    }

    /** Where the first entry of the list at {@code pointer} whose text matches is written, if any. */
    public Optional<Location> locateElement(String pointer, Predicate<String> matches) {
        Found found = find(pointer);
        if (!found.exact || types[found.index] != ARRAY) {
            return Optional.empty();
        }
        int end = found.index + sizes[found.index];
        for (int child = found.index + 1; child < end; child += sizes[child]) {
            if (values[child] != null && matches.test(values[child])) {
                return Optional.of(at(child, false));
            }
        }
        return Optional.empty();
    }

    /** The node a pointer reaches (exactly), or its nearest ancestor. */
    private record Found(int index, boolean member, boolean exact) {}

    private Found find(String pointer) {
        int index = 0;
        boolean member = false;
        JsonPointer ptr = JsonPointer.compile(pointer);
        while (!ptr.matches()) {
            int end = index + sizes[index];
            int found = -1;
            if (types[index] == OBJECT) {
                String token = ptr.getMatchingProperty();
                for (int child = index + 1; child < end; child += sizes[child]) {
                    if (token.equals(keys[child])) {
                        found = child;
                        break;
                    }
                }
            } else if (types[index] == ARRAY) {
                int wanted = ptr.getMatchingIndex();
                int i = 0;
                for (int child = index + 1; child < end && wanted >= 0; child += sizes[child], i++) {
                    if (i == wanted) {
                        found = child;
                        break;
                    }
                }
            }
            if (found < 0) {
                return new Found(index, member, false);
            }
            member = types[index] == OBJECT;
            index = found;
            ptr = ptr.tail();
        }
        return new Found(index, member, true);
    }

    private Location at(int index, boolean key) {
        int base = index * 4;
        return key
                ? Location.of(file, marks[base + 2], marks[base + 3])
                : Location.of(file, marks[base], marks[base + 1]);
    }

    /** Collects the nodes in document order while a tree is being built. */
    static final class Recorder {
        private byte[] types = new byte[32];
        private String[] keys = new String[32];
        private String[] values = new String[32];
        private int[] sizes = new int[32];
        private int[] marks = new int[128];
        private int count;

        /**
         * Records a node; 0-based marks from the parser become 1-based here. Returns its index, to
         * {@link #end} a container once its contents are recorded.
         */
        int begin(byte type, String key, String value, int valueLine, int valueColumn, int keyLine, int keyColumn) {
            if (count == types.length) {
                types = Arrays.copyOf(types, count * 2);
                keys = Arrays.copyOf(keys, count * 2);
                values = Arrays.copyOf(values, count * 2);
                sizes = Arrays.copyOf(sizes, count * 2);
                marks = Arrays.copyOf(marks, count * 8);
            }
            types[count] = type;
            keys[count] = key;
            values[count] = value;
            sizes[count] = 1;
            int m = count * 4;
            marks[m] = valueLine + 1;
            marks[m + 1] = valueColumn + 1;
            marks[m + 2] = keyLine + 1;
            marks[m + 3] = keyColumn + 1;
            return count++;
        }

        /** Closes a container begun at {@code index}: its subtree is everything recorded since. */
        void end(int index) {
            sizes[index] = count - index;
        }

        SourceMap build(String file) {
            return new SourceMap(
                    file,
                    Arrays.copyOf(types, count),
                    Arrays.copyOf(keys, count),
                    Arrays.copyOf(values, count),
                    Arrays.copyOf(sizes, count),
                    Arrays.copyOf(marks, count * 4));
        }
    }

    /** For tests: every pointer of a tree, in document order. */
    static List<String> pointers(JsonNode root) {
        List<String> out = new ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode node, String pointer, List<String> out) {
        out.add(pointer);
        if (node.isObject()) {
            for (var e : node.properties()) {
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
