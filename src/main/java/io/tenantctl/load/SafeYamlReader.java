package io.tenantctl.load;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the text of one file into documents, refusing every YAML feature a manifest does not need.
 *
 * <p>It consumes parser events rather than SnakeYAML's composed nodes: the composer would expand
 * aliases and recurse once per nesting level, while events let us refuse an alias before anything
 * is expanded and keep our own bounded stack. A problem inside a document is reported and the rest
 * of that document is still read, so that one run lists every problem; a document with a problem
 * is not returned.
 */
final class SafeYamlReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ScalarResolver RESOLVER = new CoreSchema().getScalarResolver();

    /** Characters the parser reads at a time; see {@link #read}. */
    private static final int READ_BUFFER = 1 << 20;

    /**
     * Keys and values that every manifest repeats: one shared instance each instead of one per
     * occurrence, which is a good part of a large run's memory.
     */
    private static final Map<String, String> COMMON = new HashMap<>();

    static {
        for (String s : List.of(
                "apiVersion",
                "kind",
                "metadata",
                "name",
                "labels",
                "annotations",
                "spec",
                "displayName",
                "initialDomain",
                "domains",
                "globalAdministrators",
                "signInName",
                "type",
                "offer",
                "tenant",
                "accountAdministrator",
                "serviceAdministrator",
                "coAdministrators",
                "tenantctl.io/v1",
                "Tenant",
                "Account",
                "Subscription",
                "Azure",
                "Office365",
                "WorkOrSchool",
                "MicrosoftAccount")) {
            COMMON.put(s, s);
        }
    }

    private static String common(String text) {
        String shared = COMMON.get(text);
        return shared == null ? text : shared;
    }

    private final Limits limits;

    SafeYamlReader(Limits limits) {
        this.limits = limits;
    }

    /** What one file gave: its good documents and its problems. */
    record Result(List<Document> documents, List<Diagnostic> diagnostics) {}

    Result read(String file, String text) {
        Run run = new Run(file);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(0)
                .setAllowRecursiveKeys(false)
                .setParseComments(false)
                .setUseMarks(true)
                .setCodePointLimit(Integer.MAX_VALUE)
                // The reader copies its look-ahead window each time it refills it, so one long token
                // (scalar or comment) costs its length squared over the buffer size: with the default
                // 1 KiB buffer a 15 MB scalar took half a minute before its length could be refused.
                .setBufferSize(Math.max(1024, Math.min(text.length(), READ_BUFFER)))
                .build();
        try {
            for (Event event : new Parse(settings).parseString(text)) {
                if (!run.accept(event)) {
                    break;
                }
            }
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            run.problem(mark == null ? Location.of(file, 1, 1) : at(file, mark), describe(e, mark));
        } catch (ReaderException e) {
            run.problem(
                    offsetLocation(file, text, charOffset(text, e.getPosition())),
                    "character U+%04X is not allowed in YAML".formatted(e.getCodePoint()));
        } catch (YamlEngineException | IllegalStateException | IllegalArgumentException e) {
            run.problem(Location.of(file, 1, 1), "cannot read YAML: " + oneLine(e.getMessage()));
        }
        return new Result(List.copyOf(run.documents), run.finish());
    }

    private static String describe(MarkedYamlEngineException e, Mark problem) {
        StringBuilder message = new StringBuilder("invalid YAML: ");
        if (e.getContext() != null && !e.getContext().isBlank()) {
            message.append(e.getContext());
            // An unterminated quote or bracket is reported where the input ends; say where it began.
            Mark context = e.getContextMark().orElse(null);
            if (context != null && problem != null && context.getLine() != problem.getLine()) {
                message.append(" (started at line ")
                        .append(context.getLine() + 1)
                        .append(", column ")
                        .append(context.getColumn() + 1)
                        .append(')');
            }
            message.append(", ");
        }
        message.append(e.getProblem() == null ? "syntax error" : e.getProblem());
        String text = oneLine(message.toString());
        if ((text.contains("\\t") || text.toLowerCase(Locale.ROOT).contains("tab")) && !text.contains("indentation")) {
            text += " (YAML does not allow tabs for indentation; use spaces)";
        }
        return text;
    }

    static String oneLine(String text) {
        if (text == null) {
            return "unknown problem";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    static Location at(String file, Mark mark) {
        return Location.of(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * Line and column of a character offset, for problems the parser reports without a mark,
     * counted as the parser counts its marks: code points, with LF, CRLF or a lone CR ending a line.
     */
    static Location offsetLocation(String file, CharSequence text, int offset) {
        int line = 1;
        int column = 1;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c) && c != '\uFEFF') {
                column++;
            }
        }
        return Location.of(file, line, column);
    }

    /** The character offset of a code-point offset (what the parser's reader reports). */
    static int charOffset(String text, int codePoints) {
        int count = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, count)));
    }

    /** The state of reading one file. */
    private final class Run {
        private final String file;
        private final List<Document> documents = new ArrayList<>();
        private final List<Diagnostic> problems = new ArrayList<>();
        private int suppressed;
        private int documentIndex = -1;
        private int documentCount;
        private Location documentStart;

        // per document
        private final Deque<Frame> stack = new ArrayDeque<>();
        private JsonNode root;
        private SourceMap.Recorder recorder;
        private boolean documentFailed;
        private int skipDepth;
        private boolean depthReported;

        Run(String file) {
            this.file = file;
        }

        /** Handles one event; false stops reading the file. */
        boolean accept(Event event) {
            switch (event.getEventId()) {
                case StreamStart, StreamEnd, Comment -> {
                    return true;
                }
                case DocumentStart -> {
                    documentIndex++;
                    documentStart = location(event);
                    stack.clear();
                    root = null;
                    recorder = new SourceMap.Recorder();
                    documentFailed = false;
                    skipDepth = 0;
                    depthReported = false;
                    ((DocumentStartEvent) event)
                            .getSpecVersion()
                            .filter(v -> v.getMajor() != 1 || v.getMinor() != 2)
                            .ifPresent(v -> fail(
                                    event,
                                    "%YAML " + v.getRepresentation() + " is not supported:"
                                            + " manifests are read as YAML 1.2 (where NO, on and yes are strings);"
                                            + " remove the directive"));
                    return true;
                }
                case DocumentEnd -> {
                    return endDocument(event);
                }
                case Alias -> {
                    AliasEvent alias = (AliasEvent) event;
                    fail(
                            event,
                            "aliases are not allowed (*"
                                    + printable(alias.getAlias().getValue()) + "); write the value out in full");
                    if (skipDepth == 0) {
                        attach(NODES.nullNode(), event);
                    }
                    return true;
                }
                case Scalar -> {
                    scalar((ScalarEvent) event);
                    return true;
                }
                case MappingStart, SequenceStart -> {
                    start((CollectionStartEvent) event, event.getEventId() == Event.ID.MappingStart);
                    return true;
                }
                case MappingEnd, SequenceEnd -> {
                    if (skipDepth > 0) {
                        skipDepth--;
                    } else {
                        Frame done = stack.pop();
                        recorder.end(done.index);
                        if (done.node.isObject() && done.pendingKey != null) {
                            fail(event, "mapping ends after a key with no value");
                        }
                    }
                    return true;
                }
            }
            return true;
        }

        private boolean endDocument(Event event) {
            if (root != null && !documentFailed) {
                documents.add(new Document(file, documentIndex, root, recorder.build(file)));
            }
            documentCount++;
            if (documentCount > limits.maxDocumentsPerFile()) {
                // Refused as a whole, like a file over the size limit, rather than half read.
                documents.clear();
                problem(
                        documentStart,
                        "more than " + limits.maxDocumentsPerFile() + " documents in one file; split it");
                return false;
            }
            return true;
        }

        private void scalar(ScalarEvent event) {
            refuseDecorations(event, event.getTag());
            if (skipDepth > 0) {
                return;
            }
            String value = event.getValue();
            Frame parent = stack.peek();
            if (parent == null
                    && root == null
                    && value.isEmpty()
                    && event.isPlain()
                    && event.getTag().isEmpty()
                    && event.getAnchor().isEmpty()) {
                return; // an empty document (nothing, or only comments, between markers): skipped
            }
            if (parent != null && parent.node.isObject() && parent.pendingKey == null) {
                key(parent, event, value);
                return;
            }
            if (value.length() > limits.maxScalarLength()) {
                fail(
                        event,
                        "value is " + value.length() + " characters long; the limit is " + limits.maxScalarLength());
                attach(NODES.nullNode(), event);
                return;
            }
            attach(resolve(event), event);
        }

        private void key(Frame parent, ScalarEvent event, String key) {
            if (key.length() > limits.maxScalarLength()) {
                fail(event, "key is " + key.length() + " characters long; the limit is " + limits.maxScalarLength());
                key = key.substring(0, 64);
            }
            if (event.isPlain() && "<<".equals(key)) {
                fail(event, "merge keys (<<) are not allowed; write the fields out in full");
            }
            ObjectNode object = (ObjectNode) parent.node;
            if (object.has(key)) {
                fail(event, "duplicate key \"" + printable(key) + "\"");
                key = key + "\u0000duplicate" + object.size();
            }
            parent.pendingKey = key;
            Mark mark = event.getStartMark().orElse(null);
            parent.keyLine = mark == null ? 0 : mark.getLine();
            parent.keyColumn = mark == null ? 0 : mark.getColumn();
        }

        private void start(CollectionStartEvent event, boolean mapping) {
            refuseDecorations(event, event.getTag());
            if (skipDepth > 0) {
                skipDepth++;
                return;
            }
            Frame parent = stack.peek();
            if (parent != null && parent.node.isObject() && parent.pendingKey == null) {
                fail(event, "a key must be a plain string, not a " + (mapping ? "mapping" : "sequence"));
                skipDepth = 1;
                // Keep the mapping consistent: the complex key gets a placeholder name.
                parent.pendingKey = "\u0000complex" + parent.node.size();
                return;
            }
            if (stack.size() >= limits.maxDepth()) {
                if (!depthReported) {
                    fail(event, "nesting is deeper than " + limits.maxDepth() + " levels");
                    depthReported = true;
                }
                documentFailed = true;
                attach(NODES.nullNode(), event);
                skipDepth = 1;
                return;
            }
            ContainerNode<?> node = mapping ? NODES.objectNode() : NODES.arrayNode();
            int index = attach(node, event);
            stack.push(new Frame(node, index));
        }

        /** Adds a node to its parent and records where it is; returns its index in the source map. */
        private int attach(JsonNode node, Event event) {
            Mark mark = event.getStartMark().orElse(null);
            int line = mark == null ? 0 : mark.getLine();
            int column = mark == null ? 0 : mark.getColumn();
            byte type = node.isObject() ? SourceMap.OBJECT : node.isArray() ? SourceMap.ARRAY : SourceMap.SCALAR;
            String text = node.isString() ? node.stringValue() : null;
            Frame parent = stack.peek();
            if (parent == null) {
                root = node;
                return recorder.begin(type, null, text, line, column, line, column);
            } else if (parent.node.isObject()) {
                String key = parent.pendingKey;
                ((ObjectNode) parent.node).set(key, node);
                parent.pendingKey = null;
                return recorder.begin(type, key, text, line, column, parent.keyLine, parent.keyColumn);
            } else {
                ((ArrayNode) parent.node).add(node);
                return recorder.begin(type, null, text, line, column, line, column);
            }
        }

        private void refuseDecorations(NodeEvent event, Optional<String> tag) {
            event.getAnchor()
                    .ifPresent(anchor -> fail(
                            event,
                            "anchors are not allowed (&" + printable(anchor.getValue())
                                    + "); write the value out in full"));
            tag.ifPresent(t -> fail(event, "explicit tags are not allowed (" + printable(t) + ")"));
        }

        private JsonNode resolve(ScalarEvent event) {
            String value = common(event.getValue());
            if (!event.isPlain() || surelyString(value)) {
                return NODES.stringNode(value);
            }
            Tag tag = RESOLVER.resolve(value, true);
            try {
                if (Tag.NULL.equals(tag)) {
                    return NODES.nullNode();
                }
                if (Tag.BOOL.equals(tag)) {
                    return NODES.booleanNode(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
                }
                if (Tag.INT.equals(tag)) {
                    return integer(value);
                }
                if (Tag.FLOAT.equals(tag)) {
                    return floating(value);
                }
            } catch (NumberFormatException e) {
                return NODES.stringNode(value);
            }
            return NODES.stringNode(value);
        }

        /**
         * True when no rule of the YAML 1.2 core schema can make this plain scalar anything but a
         * string: null, booleans and numbers all start with one of {@code ~ n N t T f F + - .} or a
         * digit. Most values of a manifest (names, sign-in names, domains) start with another
         * letter, and skipping the resolver's regular expressions for them halves parsing time.
         */
        private boolean surelyString(String value) {
            if (value.isEmpty()) {
                return false;
            }
            char first = value.charAt(0);
            return Character.isLetter(first) && "nNtTfF".indexOf(first) < 0;
        }

        private JsonNode integer(String value) {
            String digits = value;
            int radix = 10;
            boolean negative = false;
            if (digits.startsWith("-") || digits.startsWith("+")) {
                negative = digits.startsWith("-");
                digits = digits.substring(1);
            }
            if (digits.startsWith("0x")) {
                radix = 16;
                digits = digits.substring(2);
            } else if (digits.startsWith("0o")) {
                radix = 8;
                digits = digits.substring(2);
            }
            BigInteger number = new BigInteger(digits, radix);
            if (negative) {
                number = number.negate();
            }
            return number.bitLength() < 63 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
        }

        private JsonNode floating(String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".inf")) {
                return NODES.numberNode(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            if (lower.equals(".nan")) {
                return NODES.numberNode(Double.NaN);
            }
            return NODES.numberNode(Double.parseDouble(value));
        }

        private void fail(Event event, String message) {
            documentFailed = true;
            problem(location(event), message);
        }

        private Location location(Event event) {
            return event.getStartMark().map(m -> at(file, m)).orElse(Location.of(file, 1, 1));
        }

        void problem(Location location, String message) {
            if (problems.size() < limits.maxProblemsPerFile()) {
                problems.add(Diagnostic.error(Codes.YAML, message, location));
            } else {
                suppressed++;
            }
        }

        List<Diagnostic> finish() {
            if (suppressed > 0) {
                problems.add(Diagnostic.error(
                        Codes.YAML, suppressed + " more problems in this file are not shown", Location.of(file, 1, 1)));
            }
            return problems;
        }
    }

    /** A mapping or sequence being filled; for a mapping, the key waiting for its value. */
    private static final class Frame {
        final ContainerNode<?> node;
        final int index;
        String pendingKey;
        int keyLine;
        int keyColumn;

        Frame(ContainerNode<?> node, int index) {
            this.node = node;
            this.index = index;
        }
    }

    /** A key or tag as it can be printed safely on one line. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(80).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (text.codePointCount(0, text.length()) > 80) {
            out.append("...");
        }
        return out.toString();
    }
}
