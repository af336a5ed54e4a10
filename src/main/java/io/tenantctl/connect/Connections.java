package io.tenantctl.connect;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a connections file says: the connected tenants by name, and how many of them are read at
 * once.
 *
 * @param file        where it was read from, for messages
 * @param parallelism tenants observed at the same time, at least 1
 */
public record Connections(String file, int parallelism, Map<String, TenantConnection> tenants) {

    /** At most this many tenants are read at once, whatever the file asks. */
    public static final int MAX_PARALLELISM = 16;

    public Connections {
        tenants = Map.copyOf(new TreeMap<>(tenants));
    }

    public Optional<TenantConnection> tenant(String name) {
        return Optional.ofNullable(tenants.get(name));
    }
}
