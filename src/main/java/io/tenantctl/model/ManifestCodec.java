package io.tenantctl.model;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Objects to manifests and back. The encoding is canonical (fixed field order, empty optional
 * fields left out, sets sorted), so that two equal objects always give the same bytes: the state
 * store, digests and {@code get}/{@code export} all rely on it.
 *
 * <p>{@link #decode} expects a tree that has passed the JSON Schema; a tree that has not is a bug
 * (or a corrupted state store) and gets an {@link IllegalArgumentException}.
 */
public final class ManifestCodec {

    public static final String API_VERSION = "tenantctl.io/v1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ManifestCodec() {}

    public static ObjectNode encode(WorldObject object) {
        ObjectNode root = NODES.objectNode();
        root.put("apiVersion", API_VERSION);
        root.put("kind", object.kind().manifestName());
        root.set("metadata", metadata(object.metadata()));
        root.set("spec", spec(object));
        return root;
    }

    /** Just the {@code spec} of an object. */
    public static ObjectNode spec(WorldObject object) {
        ObjectNode spec = NODES.objectNode();
        switch (object.kind()) {
            case TENANT -> {
                Tenant t = (Tenant) object;
                spec.put("displayName", t.displayName());
                spec.put("initialDomain", t.initialDomain());
                putList(spec, "domains", t.domains());
                putList(spec, "globalAdministrators", t.globalAdministrators());
                putList(spec, "guests", t.guests());
            }
            case ACCOUNT -> {
                Account a = (Account) object;
                spec.put("signInName", a.signInName());
                spec.put("type", a.type().manifestName());
                putOptional(spec, "displayName", a.displayName());
            }
            case SUBSCRIPTION -> {
                Subscription s = (Subscription) object;
                spec.put("offer", s.offer().manifestName());
                spec.put("tenant", s.tenant());
                putOptional(spec, "displayName", s.displayName());
                putOptional(spec, "accountAdministrator", s.accountAdministrator());
                putOptional(spec, "serviceAdministrator", s.serviceAdministrator());
                putList(spec, "coAdministrators", s.coAdministrators());
                putList(spec, "owners", s.owners());
                putOptional(spec, "offerId", s.offerId());
            }
        }
        return spec;
    }

    /** Sets the member when the value is present; without a lambda, which C1 would allocate on each call. */
    private static void putOptional(ObjectNode node, String name, Optional<String> value) {
        if (value.isPresent()) {
            node.put(name, value.get());
        }
    }

    public static ObjectNode metadata(Metadata metadata) {
        ObjectNode node = NODES.objectNode();
        node.put("name", metadata.name());
        putMap(node, "labels", metadata.labels());
        putMap(node, "annotations", metadata.annotations());
        return node;
    }

    /**
     * Writes an object's manifest in canonical form (keys sorted at every level, as
     * {@code Json.canonical} of {@link #encode} would give) straight to a generator, without
     * building a tree: digests of large plans are computed this way.
     */
    public static void writeCanonical(JsonGenerator gen, WorldObject object) {
        gen.writeStartObject();
        gen.writeName("apiVersion");
        gen.writeString(API_VERSION);
        gen.writeName("kind");
        gen.writeString(object.kind().manifestName());
        gen.writeName("metadata");
        gen.writeStartObject();
        writeMap(gen, "annotations", object.metadata().annotations());
        writeMap(gen, "labels", object.metadata().labels());
        gen.writeName("name");
        gen.writeString(object.metadata().name());
        gen.writeEndObject();
        gen.writeName("spec");
        gen.writeStartObject();
        switch (object.kind()) {
            case TENANT -> {
                Tenant t = (Tenant) object;
                writeString(gen, "displayName", t.displayName());
                writeList(gen, "domains", t.domains());
                writeList(gen, "globalAdministrators", t.globalAdministrators());
                writeList(gen, "guests", t.guests());
                writeString(gen, "initialDomain", t.initialDomain());
            }
            case ACCOUNT -> {
                Account a = (Account) object;
                a.displayName().ifPresent(v -> writeString(gen, "displayName", v));
                writeString(gen, "signInName", a.signInName());
                writeString(gen, "type", a.type().manifestName());
            }
            case SUBSCRIPTION -> {
                Subscription s = (Subscription) object;
                s.accountAdministrator().ifPresent(v -> writeString(gen, "accountAdministrator", v));
                writeList(gen, "coAdministrators", s.coAdministrators());
                s.displayName().ifPresent(v -> writeString(gen, "displayName", v));
                writeString(gen, "offer", s.offer().manifestName());
                s.offerId().ifPresent(v -> writeString(gen, "offerId", v));
                writeList(gen, "owners", s.owners());
                s.serviceAdministrator().ifPresent(v -> writeString(gen, "serviceAdministrator", v));
                writeString(gen, "tenant", s.tenant());
            }
        }
        gen.writeEndObject();
        writeStatus(gen, object);
        gen.writeEndObject();
    }

    /**
     * A live object's status, after its spec, when it has one: the state keeps it, manifests never
     * do ({@link #encode} leaves it out).
     */
    private static void writeStatus(JsonGenerator gen, WorldObject object) {
        if (object instanceof Tenant t && !t.status().isEmpty()) {
            gen.writeName("status");
            gen.writeStartObject();
            writeList(gen, "elevated", t.status().elevated());
            writeList(gen, "pendingGuests", t.status().pendingGuests());
            writeList(gen, "unverifiedDomains", t.status().unverifiedDomains());
            gen.writeEndObject();
        } else if (object instanceof Subscription s && !s.status().isEmpty()) {
            SubscriptionStatus.PendingDirectoryChange change =
                    s.status().pendingDirectoryChange().orElseThrow();
            gen.writeName("status");
            gen.writeStartObject();
            gen.writeName("pendingDirectoryChange");
            gen.writeStartObject();
            writeString(gen, "requestedBy", change.requestedBy());
            writeString(gen, "tenant", change.tenant());
            gen.writeEndObject();
            gen.writeEndObject();
        }
    }

    /** The canonical form as compact JSON text: what the state store keeps. */
    public static String canonicalJson(WorldObject object) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator gen = COMPACT.createGenerator(out)) {
            writeCanonical(gen, object);
        }
        return out.toString();
    }

    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    private static void writeString(JsonGenerator gen, String name, String value) {
        gen.writeName(name);
        gen.writeString(value);
    }

    private static void writeList(JsonGenerator gen, String name, Collection<String> values) {
        if (!values.isEmpty()) {
            gen.writeName(name);
            gen.writeStartArray();
            for (String value : values) {
                gen.writeString(value);
            }
            gen.writeEndArray();
        }
    }

    private static void writeMap(JsonGenerator gen, String name, Map<String, String> values) {
        if (!values.isEmpty()) {
            gen.writeName(name);
            gen.writeStartObject();
            for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
                gen.writeName(e.getKey());
                gen.writeString(e.getValue());
            }
            gen.writeEndObject();
        }
    }

    public static WorldObject decode(JsonNode manifest) {
        String kindName = text(manifest, "kind");
        Kind kind = Kind.fromManifestName(kindName)
                .orElseThrow(() -> new IllegalArgumentException("unknown kind " + kindName));
        Metadata metadata = decodeMetadata(manifest.path("metadata"));
        JsonNode spec = manifest.path("spec");
        return switch (kind) {
            case TENANT ->
                new Tenant(
                        metadata,
                        text(spec, "displayName"),
                        text(spec, "initialDomain"),
                        new TreeSet<>(strings(spec.path("domains"))),
                        new TreeSet<>(strings(spec.path("globalAdministrators"))),
                        new TreeSet<>(strings(spec.path("guests"))),
                        tenantStatus(manifest.path("status")));
            case ACCOUNT ->
                new Account(
                        metadata,
                        AccountType.fromManifestName(text(spec, "type"))
                                .orElseThrow(() -> new IllegalArgumentException("unknown account type")),
                        text(spec, "signInName"),
                        optional(spec, "displayName"));
            case SUBSCRIPTION ->
                new Subscription(
                        metadata,
                        Offer.fromManifestName(text(spec, "offer"))
                                .orElseThrow(() -> new IllegalArgumentException("unknown offer")),
                        text(spec, "tenant"),
                        optional(spec, "displayName"),
                        optional(spec, "accountAdministrator"),
                        optional(spec, "serviceAdministrator"),
                        new TreeSet<>(strings(spec.path("coAdministrators"))),
                        new TreeSet<>(strings(spec.path("owners"))),
                        optional(spec, "offerId"),
                        subscriptionStatus(manifest.path("status")));
        };
    }

    private static TenantStatus tenantStatus(JsonNode status) {
        if (!status.isObject()) {
            return TenantStatus.NONE;
        }
        return new TenantStatus(
                new TreeSet<>(strings(status.path("pendingGuests"))),
                new TreeSet<>(strings(status.path("unverifiedDomains"))),
                new TreeSet<>(strings(status.path("elevated"))));
    }

    private static SubscriptionStatus subscriptionStatus(JsonNode status) {
        JsonNode change = status.path("pendingDirectoryChange");
        if (!change.isObject()) {
            return SubscriptionStatus.NONE;
        }
        return new SubscriptionStatus(Optional.of(
                new SubscriptionStatus.PendingDirectoryChange(text(change, "tenant"), text(change, "requestedBy"))));
    }

    public static Metadata decodeMetadata(JsonNode node) {
        return new Metadata(text(node, "name"), map(node.path("labels")), map(node.path("annotations")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("missing string field " + field);
        }
        return value.stringValue();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode item : array) {
                out.add(item.stringValue());
            }
        }
        return out;
    }

    private static SortedMap<String, String> map(JsonNode object) {
        SortedMap<String, String> out = new TreeMap<>();
        if (object.isObject()) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                out.put(e.getKey(), e.getValue().asString());
            }
        }
        return out;
    }

    private static void putList(ObjectNode node, String field, Iterable<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        if (!array.isEmpty()) {
            node.set(field, array);
        }
    }

    private static void putMap(ObjectNode node, String field, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode object = NODES.objectNode();
            values.forEach(object::put);
            node.set(field, object);
        }
    }
}
