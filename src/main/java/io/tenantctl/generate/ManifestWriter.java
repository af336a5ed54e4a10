package io.tenantctl.generate;

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
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a world as a tree of manifests the way a team would keep it in git: one file per tenant
 * holding the tenant, its work or school accounts and the subscriptions that trust it, and the
 * Microsoft accounts in files of a few hundred each.
 */
public final class ManifestWriter {

    static final int MICROSOFT_ACCOUNTS_PER_FILE = 500;

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();

    private ManifestWriter() {
    }

    /** Writes the world under {@code dir} (created); returns the number of files written. */
    public static int write(World world, Path dir) {
        Map<String, List<WorldObject>> files = new LinkedHashMap<>();
        for (Tenant t : world.tenants()) {
            files.computeIfAbsent("tenants/" + t.name() + ".yaml", k -> new ArrayList<>()).add(t);
        }
        List<Account> microsoft = new ArrayList<>();
        for (Account a : world.accounts()) {
            String home = home(world, a);
            if (home == null) {
                microsoft.add(a);
            } else {
                files.computeIfAbsent("tenants/" + home + ".yaml", k -> new ArrayList<>()).add(a);
            }
        }
        for (Subscription s : world.subscriptions()) {
            files.computeIfAbsent("tenants/" + s.tenant() + ".yaml", k -> new ArrayList<>()).add(s);
        }
        for (int i = 0; i < microsoft.size(); i += MICROSOFT_ACCOUNTS_PER_FILE) {
            files.put(String.format("microsoft-accounts/accounts-%04d.yaml", i / MICROSOFT_ACCOUNTS_PER_FILE),
                    new ArrayList<>(microsoft.subList(i, Math.min(microsoft.size(), i + MICROSOFT_ACCOUNTS_PER_FILE))));
        }
        try {
            for (Map.Entry<String, List<WorldObject>> file : files.entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                StringBuilder text = new StringBuilder();
                for (WorldObject object : file.getValue()) {
                    text.append("---\n").append(YAML.writeValueAsString(ManifestCodec.encode(object)));
                }
                Files.writeString(path, text, StandardCharsets.UTF_8);
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
