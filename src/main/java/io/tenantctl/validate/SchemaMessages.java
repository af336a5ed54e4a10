package io.tenantctl.validate;

import com.networknt.schema.Error;
import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Location;
import io.tenantctl.load.Document;
import io.tenantctl.load.SourceMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the schema validator's errors into messages that name the field and say what was
 * expected, using the titles and examples written in the schemas for editors.
 */
final class SchemaMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, JsonNode> RAW = new HashMap<>();

    private SchemaMessages() {}

    /** The schema location of the object-name pattern: names get their rule said in words. */
    private static final String OBJECT_NAME_PATTERN = "/$defs/objectName/pattern";

    static Diagnostic toDiagnostic(Error error, Document document) {
        return toDiagnostic(error, document, Optional.empty());
    }

    /**
     * @param meant for an unknown field, the known field it is most likely a misspelling of; its
     *              "missing required field" error, if any, is then left out by the caller
     */
    static Diagnostic toDiagnostic(Error error, Document document, Optional<String> meant) {
        String pointer = error.getInstanceLocation().toString();
        JsonNode instance = error.getInstanceNode() == null ? document.root().at(pointer) : error.getInstanceNode();
        String field = fieldName(pointer);
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        JsonNode schema = schemaAt(error.getSchemaLocation().toString());
        JsonNode parentSchema = schemaAt(parent(error.getSchemaLocation().toString()));
        Location location = document.locateValue(pointer);
        String message;
        switch (keyword) {
            case "type" -> {
                String expected = schema.isString() ? schema.stringValue() : schema.toString();
                message = field + ": expected " + article(expected) + ", found " + describe(instance);
                if ("string".equals(expected) && instance.isNull()) {
                    message += "; write the value after the colon (in quotes if YAML should not read it"
                            + " as null, true, false or a number)";
                } else if ("string".equals(expected) && instance.isValueNode() && !instance.isString()) {
                    // The parsed value may differ from what was written (007 is read as 7, 0x1F as 31,
                    // 1e3 as 1000.0), so the advice does not spell out a quoted literal.
                    message += " (" + instance.asString() + "); YAML read it as " + describe(instance)
                            + ", so put the value in quotes to make it a string";
                }
            }
            case "additionalProperties" -> {
                String property = error.getProperty();
                String childPointer = pointer + "/" + SourceMap.escape(property);
                location = document.locateEntry(childPointer);
                message = field + ": unknown field \"" + printable(property) + "\""
                        + meant.map(m -> "; did you mean \"" + m + "\"?").orElseGet(() -> known(parentSchema));
            }
            case "required" -> {
                String property = error.getProperty();
                message = field + ": missing required field \"" + property + "\"";
            }
            case "false" -> {
                location = document.locateEntry(pointer);
                message = field + ": not allowed here";
                if (error.getSchemaLocation().toString().contains("/allOf/0/then")) {
                    message = field + ": not allowed for an Office365 subscription, which has no administrator"
                            + " roles of its own";
                }
            }
            case "pattern" ->
                message = error.getSchemaLocation().toString().endsWith(OBJECT_NAME_PATTERN)
                        ? field + ": " + show(instance) + " is not a valid name: " + ObjectNames.rule(instance)
                        : field + ": " + show(instance) + " is not a valid " + title(parentSchema, "value")
                                + example(parentSchema) + nonAscii(instance);
            case "enum" -> message = field + ": " + show(instance) + " is not one of " + join(schema);
            case "const" -> message = field + ": must be " + show(schema) + ", not " + show(instance);
            case "maxLength" ->
                message =
                        field + ": " + length(instance) + " characters long; at most " + schema.asString() + " allowed";
            case "minLength" -> message = field + ": must not be empty";
            case "maxItems" ->
                message = field + ": " + instance.size() + " entries; at most " + schema.asString() + " allowed";
            case "uniqueItems" -> message = field + ": lists the same entry more than once";
            case "maxProperties" ->
                message = field + ": " + instance.size() + " entries; at most " + schema.asString() + " allowed";
            case "propertyNames" -> {
                message = field + ": " + printable(oneLine(error.getMessage()));
            }
            default -> message = field + ": " + printable(oneLine(error.getMessage()));
        }
        return Diagnostic.error(Codes.SCHEMA, message, location);
    }

    /** {@code spec.coAdministrators[1]} for {@code /spec/coAdministrators/1}. */
    static String fieldName(String pointer) {
        if (pointer.isEmpty()) {
            return "manifest";
        }
        StringBuilder out = new StringBuilder();
        JsonPointer ptr = JsonPointer.compile(pointer);
        while (!ptr.matches()) {
            String token = ptr.getMatchingProperty();
            if (ptr.getMatchingIndex() >= 0) {
                out.append('[').append(token).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(token);
            }
            ptr = ptr.tail();
        }
        return out.toString();
    }

    /**
     * True for the pattern error of a name whose only fault is its length: the length error says
     * that already, so the name gets one error, not two.
     */
    static boolean onlyTooLong(Error error, Document document) {
        if (!"pattern".equals(error.getKeyword())
                || !error.getSchemaLocation().toString().endsWith(OBJECT_NAME_PATTERN)) {
            return false;
        }
        JsonNode name = document.root().at(error.getInstanceLocation().toString());
        return name.isString() && ObjectNames.onlyTooLong(name.stringValue());
    }

    /**
     * The known field an unknown one most likely misspells ({@code displayname}, {@code
     * globalAdminstrators}), when the manifest does not already have it.
     */
    static Optional<String> meant(Error error, Document document) {
        if (!"additionalProperties".equals(error.getKeyword()) || error.getProperty() == null) {
            return Optional.empty();
        }
        JsonNode written = document.root().at(error.getInstanceLocation().toString());
        List<String> known =
                new ArrayList<>(schemaAt(parent(error.getSchemaLocation().toString()))
                        .path("properties")
                        .propertyNames());
        known.removeIf(written::has);
        return Suggestions.closest(error.getProperty(), known);
    }

    private static String known(JsonNode objectSchema) {
        JsonNode properties = objectSchema.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>(properties.propertyNames());
        return " (known fields: " + String.join(", ", names) + ")";
    }

    private static String title(JsonNode schema, String fallback) {
        JsonNode resolved = resolveRef(schema);
        String title = resolved.path("title").asString("");
        if (title.isEmpty()) {
            title = schema.path("title").asString(fallback);
        }
        return title;
    }

    private static String example(JsonNode schema) {
        JsonNode examples = resolveRef(schema).path("examples");
        return examples.isArray() && !examples.isEmpty()
                ? " (for example " + examples.get(0).asString() + ")"
                : "";
    }

    private static JsonNode resolveRef(JsonNode schema) {
        JsonNode ref = schema.path("$ref");
        if (ref.isString()) {
            return schemaAt(SchemaValidator.ID_PREFIX + ref.stringValue());
        }
        return schema;
    }

    /**
     * Names the first control character or, failing that, the first character outside ASCII:
     * look-alike letters from other scripts (a Cyrillic "а" in "аdmin@contoso.com") are how one
     * account poses as another. Control characters come first because some fields (display names)
     * allow every script but no control characters.
     */
    private static String nonAscii(JsonNode instance) {
        if (!instance.isString()) {
            return "";
        }
        String text = instance.stringValue();
        int control = firstIndex(text, cp -> Character.isISOControl(cp));
        if (control >= 0) {
            return describeAt(text, control, "a control character, which is not allowed");
        }
        int nonAscii = firstIndex(text, cp -> cp > 0x7e);
        return nonAscii < 0 ? "" : describeAt(text, nonAscii, "and only ASCII is allowed");
    }

    private static int firstIndex(String text, IntPredicate test) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (test.test(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static String describeAt(String text, int index, String verdict) {
        int cp = text.codePointAt(index);
        String name = Character.getName(cp);
        return String.format(
                "; it contains U+%04X %sat position %d, %s",
                cp, name == null ? "" : "(" + name + ") ", text.codePointCount(0, index) + 1, verdict);
    }

    private static int length(JsonNode instance) {
        return instance.isString()
                ? instance.stringValue()
                        .codePointCount(0, instance.stringValue().length())
                : 0;
    }

    private static String join(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return String.join(", ", out);
    }

    private static String article(String type) {
        return switch (type) {
            case "string" -> "a string";
            case "array" -> "a list";
            case "object" -> "a mapping";
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            default -> type;
        };
    }

    /** A short description of a node's type, for messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isString()) {
            return "a string";
        }
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNull()) {
            return "null (an empty value)";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "a mapping";
    }

    /** A value as it can be quoted in a message. */
    static String show(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        String text = node.isString() ? "\"" + printable(node.stringValue()) + "\"" : node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    /**
     * Text from a manifest as it can be printed: control characters (C0 and C1, which include
     * terminal escape sequences) and invisible format characters (zero-width spaces, bidirectional
     * overrides) are shown as escapes rather than acted on by the terminal.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "invalid" : text.replaceAll("\\s+", " ").trim();
    }

    private static String parent(String location) {
        int slash = location.lastIndexOf('/');
        int hash = location.indexOf('#');
        return slash > hash && hash >= 0 ? location.substring(0, slash) : location;
    }

    /** The raw schema JSON at an absolute schema location ({@code ...tenant.schema.json#/properties/spec}). */
    static JsonNode schemaAt(String location) {
        int hash = location.indexOf('#');
        String file = hash < 0 ? location : location.substring(0, hash);
        String fragment = hash < 0 ? "" : location.substring(hash + 1);
        if (!file.startsWith(SchemaValidator.ID_PREFIX)) {
            return JSON.missingNode();
        }
        JsonNode root = raw(file.substring(SchemaValidator.ID_PREFIX.length()));
        try {
            return root.at(fragment);
        } catch (IllegalArgumentException e) {
            return JSON.missingNode();
        }
    }

    private static synchronized JsonNode raw(String fileName) {
        return RAW.computeIfAbsent(fileName, name -> {
            try (InputStream in = SchemaMessages.class.getResourceAsStream("/schemas/" + name)) {
                return in == null ? JSON.missingNode() : JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
