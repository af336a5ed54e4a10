package io.tenantctl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small set of manifests built in code and written to a folder, one object per file unless told
 * otherwise, in a fixed layout so that tests can state exact {@code file:line:column} locations.
 *
 * <p>Every object is written as block YAML, one field or list entry per line, in this order:
 *
 * <pre>
 * Tenant (tenant-NAME.yaml)         Account (account-NAME.yaml)    Subscription (subscription-NAME.yaml)
 *  1 apiVersion: tenantctl.io/v1     1 apiVersion: ...              1 apiVersion: ...
 *  2 kind: Tenant                    2 kind: Account                2 kind: Subscription
 *  3 metadata:                       3 metadata:                    3 metadata:
 *  4   name: NAME           (col 9)  4   name: NAME       (col 9)   4   name: NAME                 (col 9)
 *  5 spec:                           5 spec:                        5 spec:
 *  6   displayName: ...              6   signInName: ...  (col 15)  6   offer: Azure|Office365
 *  7   initialDomain: ...   (col 18) 7   type: ...                  7   tenant: ...                (col 11)
 *  8   domains:             (only when there are custom domains)    8   accountAdministrator: ...  (col 25)
 *  .   - DOMAIN             (col 5)                                 9   serviceAdministrator: ...  (col 25)
 *  .   globalAdministrators:                                       10   coAdministrators:  (only when any)
 *  .   - ADMIN              (col 5)                                 .   - ADMIN                    (col 5)
 * </pre>
 *
 * An empty administrator list is written {@code globalAdministrators: []} (the {@code [} at column
 * 25). Office 365 subscriptions stop after {@code tenant}. Several documents in one file are separated
 * by a {@code ---} line, so a document's lines are shifted by the lines of those before it plus one.
 */
public final class ManifestSet {

    private final Map<String, List<Doc>> files = new LinkedHashMap<>();

    public static ManifestSet empty() {
        return new ManifestSet();
    }

    /**
     * A valid world without warnings, on which rule tests make one change each.
     *
     * <ul>
     *   <li>Tenant {@code contoso} (contoso.onmicrosoft.com, contoso.com), global administrators
     *       admin@contoso.com (work) and msmith@hotmail.com (Microsoft account);</li>
     *   <li>Tenant {@code fabrikam} (fabrikam.onmicrosoft.com, fabrikam.com), global administrators
     *       admin@fabrikam.com (work) and boss@outlook.com (Microsoft account);</li>
     *   <li>Accounts contoso-admin, msmith, john-doe (JohnDoe@contoso.com, work), fabrikam-admin, boss;</li>
     *   <li>Subscription {@code msdn-1} (Azure, contoso, account and service administrator
     *       msmith@hotmail.com, co-administrators admin@contoso.com and JohnDoe@contoso.com);</li>
     *   <li>Subscription {@code contoso-o365} (Office365, contoso);</li>
     *   <li>Subscription {@code fabrikam-azure} (Azure, fabrikam, account and service administrator
     *       boss@outlook.com, co-administrator admin@fabrikam.com).</li>
     * </ul>
     *
     * Every global administrator is a service or co-administrator of an Azure subscription, so
     * {@code portal-access} is quiet, and every tenant has two, so {@code global-admin-count} is too.
     * Lines of note: tenant-contoso.yaml has contoso.com on 9, the administrators on 11 and 12;
     * subscription-msdn-1.yaml has the co-administrators on 11 and 12.
     */
    public static ManifestSet valid() {
        ManifestSet set = new ManifestSet();
        set.tenant("contoso")
                .displayName("Contoso")
                .initialDomain("contoso.onmicrosoft.com")
                .domains("contoso.com")
                .admins("admin@contoso.com", "msmith@hotmail.com");
        set.tenant("fabrikam")
                .displayName("Fabrikam")
                .initialDomain("fabrikam.onmicrosoft.com")
                .domains("fabrikam.com")
                .admins("admin@fabrikam.com", "boss@outlook.com");
        set.account("contoso-admin").work("admin@contoso.com");
        set.account("msmith").microsoft("msmith@hotmail.com");
        set.account("john-doe").work("JohnDoe@contoso.com");
        set.account("fabrikam-admin").work("admin@fabrikam.com");
        set.account("boss").microsoft("boss@outlook.com");
        set.subscription("msdn-1")
                .azure("contoso")
                .accountAdmin("msmith@hotmail.com")
                .serviceAdmin("msmith@hotmail.com")
                .coAdmins("admin@contoso.com", "JohnDoe@contoso.com");
        set.subscription("contoso-o365").office365("contoso");
        set.subscription("fabrikam-azure")
                .azure("fabrikam")
                .accountAdmin("boss@outlook.com")
                .serviceAdmin("boss@outlook.com")
                .coAdmins("admin@fabrikam.com");
        return set;
    }

    /** The tenant of that name (created in tenant-NAME.yaml when there is none yet). */
    public TenantDoc tenant(String name) {
        return find(TenantDoc.class, name).orElseGet(() -> add(defaultFile("tenant", name), new TenantDoc(name)));
    }

    public AccountDoc account(String name) {
        return find(AccountDoc.class, name).orElseGet(() -> add(defaultFile("account", name), new AccountDoc(name)));
    }

    public SubscriptionDoc subscription(String name) {
        return find(SubscriptionDoc.class, name)
                .orElseGet(() -> add(defaultFile("subscription", name), new SubscriptionDoc(name)));
    }

    /** Always a new tenant document, appended to the given file (for duplicates). */
    public TenantDoc newTenant(String name, String file) {
        return add(file, new TenantDoc(name));
    }

    public AccountDoc newAccount(String name, String file) {
        return add(file, new AccountDoc(name));
    }

    public SubscriptionDoc newSubscription(String name, String file) {
        return add(file, new SubscriptionDoc(name));
    }

    /** A document written as given, appended to the file. */
    public ManifestSet raw(String file, String yaml) {
        add(file, new RawDoc(yaml));
        return this;
    }

    /** Removes every document of that kind ("Tenant", "Account", "Subscription") and name. */
    public ManifestSet remove(String kind, String name) {
        for (List<Doc> docs : files.values()) {
            docs.removeIf(d -> d instanceof NamedDoc n && n.kind().equals(kind) && n.name.equals(name));
        }
        files.values().removeIf(List::isEmpty);
        return this;
    }

    /** The text of each file, by file name. */
    public Map<String, String> render() {
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((file, docs) -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < docs.size(); i++) {
                if (i > 0) {
                    text.append("---\n");
                }
                text.append(docs.get(i).yaml());
            }
            out.put(file, text.toString());
        });
        return out;
    }

    /** Writes every file under the folder and returns it. */
    public Path writeTo(Path dir) {
        try {
            for (Map.Entry<String, String> file : render().entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static String defaultFile(String kind, String name) {
        return kind + "-" + name + ".yaml";
    }

    private <T extends Doc> T add(String file, T doc) {
        files.computeIfAbsent(file, f -> new ArrayList<>()).add(doc);
        return doc;
    }

    private <T extends NamedDoc> Optional<T> find(Class<T> type, String name) {
        return files.values().stream()
                .flatMap(List::stream)
                .filter(type::isInstance)
                .map(type::cast)
                .filter(d -> d.name.equals(name))
                .findFirst();
    }

    /** One YAML document. */
    public interface Doc {
        String yaml();
    }

    private record RawDoc(String text) implements Doc {
        @Override
        public String yaml() {
            return text.endsWith("\n") ? text : text + "\n";
        }
    }

    /** A document of one of the three kinds. */
    public abstract static class NamedDoc implements Doc {
        final String name;

        NamedDoc(String name) {
            this.name = name;
        }

        abstract String kind();

        StringBuilder header() {
            return new StringBuilder()
                    .append("apiVersion: tenantctl.io/v1\n")
                    .append("kind: ")
                    .append(kind())
                    .append('\n')
                    .append("metadata:\n")
                    .append("  name: ")
                    .append(name)
                    .append('\n')
                    .append("spec:\n");
        }

        static void list(StringBuilder out, String field, List<String> items, boolean writeEmpty) {
            if (items.isEmpty()) {
                if (writeEmpty) {
                    out.append("  ").append(field).append(": []\n");
                }
                return;
            }
            out.append("  ").append(field).append(":\n");
            for (String item : items) {
                out.append("  - ").append(item).append('\n');
            }
        }
    }

    /** A Tenant; display name and initial domain default from the name. */
    public static final class TenantDoc extends NamedDoc {
        private String displayName;
        private String initialDomain;
        private List<String> domains = List.of();
        private List<String> admins = List.of();

        TenantDoc(String name) {
            super(name);
            this.displayName = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
            this.initialDomain = name.replace("-", "") + ".onmicrosoft.com";
        }

        @Override
        String kind() {
            return "Tenant";
        }

        public TenantDoc displayName(String value) {
            displayName = value;
            return this;
        }

        public TenantDoc initialDomain(String value) {
            initialDomain = value;
            return this;
        }

        public TenantDoc domains(String... values) {
            domains = Arrays.asList(values);
            return this;
        }

        public TenantDoc admins(String... values) {
            admins = Arrays.asList(values);
            return this;
        }

        @Override
        public String yaml() {
            StringBuilder out = header();
            out.append("  displayName: ").append(displayName).append('\n');
            out.append("  initialDomain: ").append(initialDomain).append('\n');
            list(out, "domains", domains, false);
            list(out, "globalAdministrators", admins, true);
            return out.toString();
        }
    }

    /** An Account. */
    public static final class AccountDoc extends NamedDoc {
        private String signInName;
        private String type;

        AccountDoc(String name) {
            super(name);
        }

        @Override
        String kind() {
            return "Account";
        }

        public AccountDoc work(String value) {
            signInName = value;
            type = "WorkOrSchool";
            return this;
        }

        public AccountDoc microsoft(String value) {
            signInName = value;
            type = "MicrosoftAccount";
            return this;
        }

        @Override
        public String yaml() {
            return header().append("  signInName: ")
                    .append(signInName)
                    .append('\n')
                    .append("  type: ")
                    .append(type)
                    .append('\n')
                    .toString();
        }
    }

    /** A Subscription. */
    public static final class SubscriptionDoc extends NamedDoc {
        private String offer;
        private String tenant;
        private String accountAdmin;
        private String serviceAdmin;
        private List<String> coAdmins = List.of();

        SubscriptionDoc(String name) {
            super(name);
        }

        @Override
        String kind() {
            return "Subscription";
        }

        public SubscriptionDoc azure(String trustedTenant) {
            offer = "Azure";
            tenant = trustedTenant;
            return this;
        }

        public SubscriptionDoc office365(String trustedTenant) {
            offer = "Office365";
            tenant = trustedTenant;
            return this;
        }

        /** Keeps the offer, trusts another tenant. */
        public SubscriptionDoc tenant(String trustedTenant) {
            tenant = trustedTenant;
            return this;
        }

        public SubscriptionDoc accountAdmin(String value) {
            accountAdmin = value;
            return this;
        }

        public SubscriptionDoc serviceAdmin(String value) {
            serviceAdmin = value;
            return this;
        }

        public SubscriptionDoc coAdmins(String... values) {
            coAdmins = Arrays.asList(values);
            return this;
        }

        public SubscriptionDoc coAdmins(List<String> values) {
            coAdmins = List.copyOf(values);
            return this;
        }

        @Override
        public String yaml() {
            StringBuilder out = header();
            out.append("  offer: ").append(offer).append('\n');
            out.append("  tenant: ").append(tenant).append('\n');
            if (accountAdmin != null) {
                out.append("  accountAdministrator: ").append(accountAdmin).append('\n');
            }
            if (serviceAdmin != null) {
                out.append("  serviceAdministrator: ").append(serviceAdmin).append('\n');
            }
            list(out, "coAdministrators", coAdmins, false);
            return out.toString();
        }
    }
}
