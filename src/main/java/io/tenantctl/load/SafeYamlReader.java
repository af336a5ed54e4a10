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
            Syntax syntax = explain(e, text);
            run.problem(Location.of(file, syntax.line() + 1, syntax.column() + 1), syntax.message());
        } catch (ReaderException e) {
            run.problem(
                    offsetLocation(file, text, charOffset(text, e.getPosition())),
                    "character U+%04X is not allowed in YAML".formatted(e.getCodePoint()));
        } catch (YamlEngineException | IllegalStateException | IllegalArgumentException e) {
            run.problem(Location.of(file, 1, 1), "cannot read YAML: " + oneLine(e.getMessage()));
        }
        return new Result(List.copyOf(run.documents), run.finish());
    }

    /**
     * A syntax error as said to the user: where (0-based line and column, as the parser counts),
     * and what is wrong in terms of what was written.
     */
    private record Syntax(int line, int column, String message) {

        Syntax(Mark mark, String message) {
            this(mark == null ? 0 : mark.getLine(), mark == null ? 0 : mark.getColumn(), message);
        }
    }

    private static final String TAB =
            "a tab is used for indentation; YAML allows only spaces there: replace the tab with spaces";

    /**
     * The parser's complaint in plain words. The parser words its errors in terms of its grammar
     * ("expected &lt;block end&gt;, but found '&lt;block mapping start&gt;'"); the mistakes people make
     * by hand, mostly indentation, are said again in terms of the lines they wrote, with the
     * line and column that explain them. Rarer errors keep the parser's words.
     */
    private static Syntax explain(MarkedYamlEngineException e, String text) {
        Mark problem = e.getProblemMark().or(e::getContextMark).orElse(null);
        Mark context = e.getContextMark().orElse(null);
        String what = e.getProblem() == null ? "" : oneLine(e.getProblem());
        String during = e.getContext() == null ? "" : oneLine(e.getContext());
        if (problem == null) {
            return new Syntax(0, 0, "invalid YAML: " + (what.isEmpty() ? "syntax error" : what));
        }
        if (what.contains("(TAB)")) {
            return new Syntax(problem, TAB);
        }
        if (what.startsWith("expected <block end>") && context != null) {
            if (what.endsWith("':'")) {
                return new Syntax(
                        problem,
                        "a ':' with no key before it; every value needs a key, indented like the other keys"
                                + " of its mapping");
            }
            String before = before(text, problem);
            boolean mapping = during.contains("mapping");
            if (before.isBlank() && before.contains("\t")) {
                return new Syntax(problem, TAB);
            }
            String at = " that starts at line " + (context.getLine() + 1);
            if (before.isBlank() && problem.getColumn() == context.getColumn()) {
                return new Syntax(
                        problem,
                        !mapping
                                ? "this line is at the indentation of the items of the list" + at
                                        + ", but is not a list item ('- value'); indent a key of a list item"
                                        + " further than its '-'"
                                : what.endsWith("'-'")
                                        ? "a list item where the mapping" + at + " expects its next key; indent the"
                                                + " items of one list equally"
                                        : "this line is at the indentation of the keys of the mapping" + at
                                                + ", but is not 'key: value'");
            }
            if (before.isBlank()) {
                String column = " are at column " + (context.getColumn() + 1);
                return new Syntax(
                        problem,
                        "wrong indentation: this line starts at column " + (problem.getColumn() + 1) + ", but "
                                + (mapping
                                        ? "the keys of the mapping" + at + column
                                                + "; indent the keys of one mapping equally, and what belongs to a"
                                                + " key further than the key"
                                        : "the items of the list" + at + column
                                                + "; indent the items of one list equally"));
            }
            return new Syntax(
                    problem,
                    "unexpected text after a complete value; a value ends with its line (or its closing quote"
                            + " or bracket): put the rest on a line of its own, or quote the whole value");
        }
        if (what.equals("mapping values are not allowed here")) {
            int above = previousIndent(text, problem.getLine());
            int indent = indentOf(line(text, problem.getLine()));
            if (above >= 0 && indent > above && keyStartsLine(text, problem)) {
                return new Syntax(
                        problem.getLine(),
                        indent,
                        "wrong indentation: this key is indented further (column " + (indent + 1)
                                + ") than the line above it (column " + (above + 1)
                                + "), so YAML reads it as part of the value above; indent it like the"
                                + " other keys of its mapping");
            }
            return new Syntax(
                    problem,
                    "a ': ' inside a value; put the value in quotes if the colon belongs to it, or start the"
                            + " key on a line of its own");
        }
        if (what.equals("sequence entries are not allowed here")) {
            return new Syntax(
                    problem,
                    "a list item ('- ') cannot start on the line of its key; start the list on the next line,"
                            + " indented, or write it in brackets: [a, b]");
        }
        if (during.startsWith("while scanning a simple key") && what.contains("could not find expected ':'")) {
            Mark line = context == null ? problem : context;
            return new Syntax(
                    line,
                    "this line is not 'key: value': the ':' after the key is missing (if the line continues"
                            + " the value above, indent it further than that value's key, or quote the value)");
        }
        if (what.startsWith("found character '-' that cannot start any token")) {
            return new Syntax(
                    problem,
                    "a '-' that starts nothing: a list item is '- value', with a space after the '-'; quote a"
                            + " value that begins with '-'");
        }
        Optional<String> closing = during.startsWith("while parsing a flow mapping")
                ? Optional.of("}")
                : during.startsWith("while parsing a flow sequence") ? Optional.of("]") : Optional.empty();
        if (closing.isPresent() && context != null) {
            String opening = closing.get().equals("}") ? "{" : "[";
            String where = " at line " + (context.getLine() + 1) + ", column " + (context.getColumn() + 1);
            return new Syntax(
                    problem,
                    what.endsWith("<stream end>")
                            ? "the '" + opening + "'" + where + " is never closed: add '" + closing.get() + "'"
                            : "expected ',' or '" + closing.get() + "' here: the entries of the '" + opening
                                    + " ... " + closing.get() + "'" + where
                                    + " are separated by commas (quote an entry that contains ': ' or ',')");
        }
        if (during.startsWith("while scanning a quoted scalar") && context != null) {
            String where =
                    "the quoted value at line " + (context.getLine() + 1) + ", column " + (context.getColumn() + 1);
            if (what.contains("end of stream")) {
                return new Syntax(problem, where + " is never closed: add the closing quote");
            }
            if (what.contains("document separator")) {
                return new Syntax(
                        problem, where + " runs into a document marker ('---' or '...'): close the quote before it");
            }
        }
        if (what.startsWith("found unknown escape character")) {
            return new Syntax(
                    problem,
                    "unknown escape sequence in a double-quoted value; write \\\\ for a backslash, or use"
                            + " single quotes, which have no escapes");
        }
        if (what.startsWith("the leading empty lines contain more spaces")) {
            return new Syntax(
                    problem,
                    "the blank lines at the start of this block text ('|' or '>') are indented further than"
                            + " its first line of text; remove the spaces from those blank lines");
        }
        if (what.startsWith("expected '<document start>'")) {
            return new Syntax(
                    problem,
                    what.endsWith("'<stream end>'")
                            ? "a directive ('%YAML', '%TAG') with no document after it: a document follows"
                                    + " a directive after '---'"
                            : "more text after the end of a document: start a new document with '---' on a"
                                    + " line of its own");
        }
        String raw = during.isEmpty() ? what : during + ", " + what;
        return new Syntax(problem, "invalid YAML: " + (raw.isEmpty() ? "syntax error" : raw));
    }

    /** One line of the text (0-based, as the parser counts), without its line break. */
    private static String line(String text, int index) {
        int start = 0;
        for (int i = 0; i < index && start < text.length(); i++) {
            int lf = text.indexOf('\n', start);
            start = lf < 0 ? text.length() : lf + 1;
        }
        int end = text.indexOf('\n', start);
        String line = text.substring(start, end < 0 ? text.length() : end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** The indentation of the nearest line above that holds more than a comment, or -1. */
    private static int previousIndent(String text, int index) {
        for (int i = index - 1; i >= 0; i--) {
            String above = line(text, i);
            String content = above.strip();
            if (!content.isEmpty() && !content.startsWith("#")) {
                return indentOf(above);
            }
        }
        return -1;
    }

    /** What comes before the mark on its line. */
    private static String before(String text, Mark mark) {
        int[] before =
                line(text, mark.getLine()).codePoints().limit(mark.getColumn()).toArray();
        return new String(before, 0, before.length);
    }

    /** True when the mark (a ':') follows a plain key that is the first thing on its line. */
    private static boolean keyStartsLine(String text, Mark mark) {
        String key = before(text, mark).strip();
        return !key.isEmpty() && key.chars().noneMatch(c -> c == ':' || c == '#');
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
                        Frame parent = stack.peek();
                        if (parent != null && parent.node.isObject() && parent.pendingKey == null) {
                            placeholderKey(parent, event, "alias"); // `*a : value`
                        } else {
                            attach(NODES.nullNode(), event);
                        }
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
            pendingKey(parent, event, key);
        }

        /** The key whose value comes next, and where it is written. */
        private void pendingKey(Frame parent, Event event, String key) {
            parent.pendingKey = key;
            Mark mark = event.getStartMark().orElse(null);
            parent.keyLine = mark == null ? 0 : mark.getLine();
            parent.keyColumn = mark == null ? 0 : mark.getColumn();
        }

        /**
         * Gives a key the reader refused a name of its own that no manifest can contain, so that the
         * mapping stays consistent and the key's value has a place.
         */
        private void placeholderKey(Frame parent, Event event, String kind) {
            pendingKey(parent, event, "\u0000" + kind + parent.node.size());
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
                placeholderKey(parent, event, "complex");
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
            // Tested without lambdas: this runs for every node, and under the launcher's C1
            // compiler each capturing lambda is an allocation through a method handle.
            if (event.getAnchor().isPresent()) {
                fail(
                        event,
                        "anchors are not allowed (&"
                                + printable(event.getAnchor().get().getValue()) + "); write the value out in full");
            }
            if (tag.isPresent()) {
                fail(event, "explicit tags are not allowed (" + printable(tag.get()) + ")");
            }
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
