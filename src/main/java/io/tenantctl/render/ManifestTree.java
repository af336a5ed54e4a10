package io.tenantctl.render;

import io.tenantctl.model.Account;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.world.World;
import io.tenantctl.world.WorldView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a world as a tree of manifests the way a team would keep it in git: by tenant (one file
 * per tenant holding the tenant, its work or school accounts and the subscriptions that trust it,
 * and the Microsoft accounts in files of a few hundred each), or by kind (one file per kind).
 * Used by {@code export} and by {@code generate}; YAML written with Jackson's YAML module, in a
 * stable order, so that exporting twice gives the same files.
 */
public final class ManifestTree {

    static final int MICROSOFT_ACCOUNTS_PER_FILE = 500;

    private ManifestTree() {}

    /** How to split the objects into files. */
    public enum Layout {
        TENANT,
        KIND
    }

    /** Writes the world under {@code dir} (created), one file per tenant; returns the number of files. */
    public static int write(World world, Path dir) {
        return write(world, dir, Layout.TENANT);
    }

    /** Writes the world under {@code dir} (created); returns the number of files written. */
    public static int write(World world, Path dir, Layout layout) {
        return layout == Layout.KIND ? writeFiles(byKind(world), dir) : writeFiles(byTenant(world), dir);
    }

    private static Map<String, List<WorldObject>> byKind(World world) {
        Map<String, List<WorldObject>> files = new LinkedHashMap<>();
        files.put("tenants.yaml", new ArrayList<>(world.tenants()));
        files.put("accounts.yaml", new ArrayList<>(world.accounts()));
        files.put("subscriptions.yaml", new ArrayList<>(world.subscriptions()));
        files.values().removeIf(List::isEmpty);
        return files;
    }

    private static Map<String, List<WorldObject>> byTenant(World world) {
        Map<String, List<WorldObject>> files = new LinkedHashMap<>();
        for (Tenant t : world.tenants()) {
            files.computeIfAbsent("tenants/" + t.name() + ".yaml", k -> new ArrayList<>())
                    .add(t);
        }
        List<Account> microsoft = new ArrayList<>();
        for (Account a : world.accounts()) {
            String home = home(world, a);
            if (home == null) {
                microsoft.add(a);
            } else {
                files.computeIfAbsent("tenants/" + home + ".yaml", k -> new ArrayList<>())
                        .add(a);
            }
        }
        for (Subscription s : world.subscriptions()) {
            files.computeIfAbsent("tenants/" + s.tenant() + ".yaml", k -> new ArrayList<>())
                    .add(s);
        }
        for (int i = 0; i < microsoft.size(); i += MICROSOFT_ACCOUNTS_PER_FILE) {
            files.put(
                    String.format("microsoft-accounts/accounts-%04d.yaml", i / MICROSOFT_ACCOUNTS_PER_FILE),
                    new ArrayList<>(microsoft.subList(i, Math.min(microsoft.size(), i + MICROSOFT_ACCOUNTS_PER_FILE))));
        }
        return files;
    }

    private static int writeFiles(Map<String, List<WorldObject>> files, Path dir) {
        try {
            for (Map.Entry<String, List<WorldObject>> file : files.entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(
                        path,
                        Yaml.documents(file.getValue().stream()
                                .map(ManifestCodec::encode)
                                .toList()),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.size();
    }

    private static String home(WorldView world, Account account) {
        return world.homeTenant(account).map(Tenant::name).orElse(null);
    }
}
