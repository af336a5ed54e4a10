package io.tenantctl.model;

/** Names one object: {@code Tenant/contoso}. Sorted by kind order, then name. */
public record ObjectRef(Kind kind, String name) implements Comparable<ObjectRef> {

    public ObjectRef {
        if (kind == null || name == null) {
            throw new IllegalArgumentException("kind and name are required");
        }
    }

    public static ObjectRef tenant(String name) {
        return new ObjectRef(Kind.TENANT, name);
    }

    public static ObjectRef account(String name) {
        return new ObjectRef(Kind.ACCOUNT, name);
    }

    public static ObjectRef subscription(String name) {
        return new ObjectRef(Kind.SUBSCRIPTION, name);
    }

    /** Parses {@code Kind/name}. */
    public static ObjectRef parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a Kind/name reference: " + text);
        }
        Kind kind = Kind.fromManifestName(text.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("unknown kind in " + text));
        return new ObjectRef(kind, text.substring(slash + 1));
    }

    @Override
    public int compareTo(ObjectRef other) {
        int c = kind.compareTo(other.kind);
        return c != 0 ? c : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return kind.manifestName() + "/" + name;
    }
}
