package io.tenantctl.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.load.Document;
import io.tenantctl.load.Limits;
import io.tenantctl.model.Kind;
import io.tenantctl.model.ManifestCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Checks documents against the JSON Schemas in {@code schemas/}.
 *
 * <p>The schemas are read from the classpath only: their {@code $id} prefix is mapped to the
 * packaged {@code schemas/} folder and every other location, remote or local, is blocked, so a
 * {@code $ref} can never make the tool fetch anything.
 */
public final class SchemaValidator {

    public static final String ID_PREFIX = "https://tenantctl.io/schemas/v1/";
    private static final String DRAFT_2020_12_PREFIX = "https://json-schema.org/draft/2020-12/";

    /** Schema problems reported for one document before the rest are summarised. */
    static final int MAX_PROBLEMS_PER_DOCUMENT = Limits.DEFAULT.maxProblemsPerFile();

    private final Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);

    public SchemaValidator() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .pathType(PathType.JSON_POINTER)
                                .build())
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)
                                .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:schemas/"))
                                .block(iri -> !(iri.toString().startsWith(ID_PREFIX)
                                        || iri.toString().startsWith("classpath:schemas/")
                                        || iri.toString().startsWith(DRAFT_2020_12_PREFIX)))));
        for (Kind kind : Kind.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of(ID_PREFIX + fileName(kind)));
            schema.initializeValidators();
            schemas.put(kind, schema);
        }
    }

    public static String fileName(Kind kind) {
        return kind.manifestName().toLowerCase(Locale.ROOT) + ".schema.json";
    }

    /** Every schema problem of one document, located; empty when it is valid. */
    public List<Diagnostic> validate(Document document) {
        JsonNode root = document.root();
        List<Diagnostic> out = new ArrayList<>();
        if (!root.isObject()) {
            out.add(Diagnostic.error(
                    Codes.SCHEMA,
                    "a manifest must be a mapping with apiVersion, kind, metadata" + " and spec, not "
                            + SchemaMessages.describe(root),
                    document.location()));
            return out;
        }
        JsonNode apiVersion = root.get("apiVersion");
        if (apiVersion == null) {
            out.add(Diagnostic.error(
                    Codes.SCHEMA,
                    "missing required field \"apiVersion\" (expected " + ManifestCodec.API_VERSION + ")",
                    document.location()));
        } else if (!ManifestCodec.API_VERSION.equals(apiVersion.asString(""))) {
            out.add(Diagnostic.error(
                    Codes.SCHEMA,
                    "unknown apiVersion " + SchemaMessages.show(apiVersion) + "; expected " + ManifestCodec.API_VERSION,
                    document.locateValue("/apiVersion")));
        }
        JsonNode kindNode = root.get("kind");
        if (kindNode == null) {
            out.add(Diagnostic.error(
                    Codes.SCHEMA, "missing required field \"kind\" (one of " + kinds() + ")", document.location()));
            return out;
        }
        Kind kind = Kind.fromManifestName(kindNode.asString("")).orElse(null);
        if (kind == null) {
            List<String> names =
                    Arrays.stream(Kind.values()).map(Kind::manifestName).toList();
            out.add(Diagnostic.error(
                    Codes.SCHEMA,
                    "unknown kind " + SchemaMessages.show(kindNode)
                            + Suggestions.closest(kindNode.asString(""), names)
                                    .map(k -> "; did you mean " + k + "?")
                                    .orElse("; expected one of " + kinds()),
                    document.locateValue("/kind")));
            return out;
        }
        List<Error> errors = schemas.get(kind).validate(root);
        // A misspelt field is one mistake: an unknown field with the suggestion, not also the
        // required field it was meant to be, reported missing.
        Map<Error, String> meant = new IdentityHashMap<>();
        Set<String> misspeltRequired = new HashSet<>();
        for (Error error : errors) {
            if ("additionalProperties".equals(error.getKeyword())) {
                SchemaMessages.meant(error, document).ifPresent(field -> {
                    meant.put(error, field);
                    misspeltRequired.add(error.getInstanceLocation() + "/" + field);
                });
            }
        }
        int reported = out.size();
        int more = 0;
        for (Error error : errors) {
            if (reported > 0
                    && ("/apiVersion".equals(error.getInstanceLocation().toString())
                            || "apiVersion".equals(error.getProperty()) && "required".equals(error.getKeyword()))) {
                continue; // already reported, with a better message
            }
            // Locating a problem walks the document, so an unbounded number of them (a list of
            // 200,000 bad entries) would cost its size squared; the rest are counted instead.
            if (out.size() >= MAX_PROBLEMS_PER_DOCUMENT) {
                more++;
                continue;
            }
            if ("required".equals(error.getKeyword())
                            && misspeltRequired.contains(error.getInstanceLocation() + "/" + error.getProperty())
                    || SchemaMessages.onlyTooLong(error, document)) {
                continue;
            }
            out.add(SchemaMessages.toDiagnostic(error, document, Optional.ofNullable(meant.get(error))));
        }
        if (more > 0) {
            out.add(Diagnostic.error(
                    Codes.SCHEMA, more + " more schema problems in this document are not shown", document.location()));
        }
        return out;
    }

    private static String kinds() {
        return Arrays.stream(Kind.values()).map(Kind::manifestName).collect(Collectors.joining(", "));
    }
}
