package io.tenantctl.provider.azure;

import io.tenantctl.model.Account;
import io.tenantctl.model.AccountType;
import io.tenantctl.model.Metadata;
import io.tenantctl.model.Names;
import io.tenantctl.model.Offer;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.SubscriptionStatus;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.TenantStatus;
import io.tenantctl.model.WorldObject;
import io.tenantctl.provider.Observation;
import io.tenantctl.world.World;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The connected tenants as read, as the {@code entra} world a plan is made against
 * ({@code docs/provider.md}, "How the live world is mapped"):
 *
 * <ul>
 *   <li>a tenant: its organization's display name, its initial domain, its verified custom domains
 *       (unverified ones as status), its members' and guests' accounts, its pending guests as
 *       status, its global administrators from direct active assignments to users at the
 *       directory's scope;
 *   <li>an account: a member's sign-in name ({@code userPrincipalName}); a guest by its mail (or,
 *       without one, the address its {@code #EXT#} sign-in name encodes); a guest from outside every
 *       connected directory is the model's outside identity, a Microsoft account, unless the
 *       manifests or the state say otherwise;
 *   <li>an Azure subscription: its tenant, display name and the users holding Owner at its own
 *       scope; an Office 365 subscription: read only. What is not read (billing owner, offer id,
 *       display name of an Office 365 subscription, a pending change of directory) is as the
 *       manifests or the state say; elevated access is read at the root scope, where the token may.
 * </ul>
 *
 * <p>What a read could not see is as the state last knew it and {@link Observation.Unseen}; what is
 * not managed (groups, service principals, inherited or eligible holders) is shown and counted.
 */
final class LiveWorld {

    private static final String TENANT = "Tenant";
    private static final String ACCOUNT = "Account";
    private static final String SUBSCRIPTION = "Subscription";

    /** A subscription no manifest or state names yet: named once every known one was matched. */
    private static final Metadata UNNAMED = Metadata.named("");

    private final World stored;
    private final Naming naming;
    private final List<Observation.Unseen> unseen = new ArrayList<>();
    private final List<String> unmanaged = new ArrayList<>();
    private final Map<String, String> tenantIds = new TreeMap<>();
    private final List<WorldObject> objects = new ArrayList<>();
    /** Every user read, by tenant and object id: the account key it is, for assignments. */
    private final Map<String, Map<String, String>> principals = new HashMap<>();
    /** The accounts seen: by key, what the directory says of them. */
    private final Map<String, Seen> accounts = new TreeMap<>();

    private record Seen(String signInName, AccountType type, Optional<String> displayName) {}

    private LiveWorld(World stored, WorldView desired) {
        this.stored = stored;
        this.naming = new Naming(List.of(desired, stored));
    }

    /** The world the tenants show, named after the manifests ({@code desired}) and the state ({@code stored}). */
    static Observation map(List<LiveTenant> tenants, World stored, WorldView desired) {
        return new LiveWorld(stored, desired).build(tenants);
    }

    private Observation build(List<LiveTenant> tenants) {
        Set<String> connected = new HashSet<>();
        Set<String> seenDomains = new HashSet<>();
        Set<String> connectedDomains = new HashSet<>();
        for (LiveTenant t : tenants) {
            connected.add(t.name());
            tenantIds.put(t.name(), t.tenantId());
            t.domains().seen().ifPresent(ds -> ds.forEach(d -> connectedDomains.add(d.name())));
            if (t.users().seen().isPresent()) {
                t.domains().seen().ifPresent(ds -> ds.forEach(d -> seenDomains.add(d.name())));
            }
        }
        for (LiveTenant t : tenants) {
            members(t);
        }
        for (LiveTenant t : tenants) {
            guests(t, connectedDomains);
        }
        accounts.forEach((key, seen) -> {
            Optional<Account> known = naming.account(key);
            objects.add(new Account(
                    known.map(Account::metadata).orElseGet(() -> naming.newAccount(seen.signInName())),
                    seen.type(),
                    known.map(Account::signInName).orElse(seen.signInName()),
                    seen.displayName()));
        });
        // What was not seen is as the state last knew it: Microsoft accounts (outside every
        // directory), and work accounts on no domain whose users were read.
        for (Account a : stored.accounts()) {
            if (!accounts.containsKey(a.key()) && (a.isMicrosoftAccount() || !seenDomains.contains(a.domain()))) {
                objects.add(a);
            }
        }
        for (LiveTenant t : tenants) {
            tenant(t);
            subscriptions(t);
        }
        for (Tenant t : stored.tenants()) {
            if (!connected.contains(t.metadata().name())) {
                objects.add(t);
                unseen.add(new Observation.Unseen(TENANT, t.metadata().name(), "no connection reaches it"));
            }
        }
        for (Subscription s : stored.subscriptions()) {
            if (!connected.contains(s.tenant())) {
                objects.add(s);
            }
        }
        return new Observation(World.of(objects), unseen, unmanaged, tenantIds);
    }

    private void members(LiveTenant t) {
        Map<String, String> ids = principals.computeIfAbsent(t.name(), k -> new HashMap<>());
        for (LiveTenant.User u : t.users().seen().orElse(List.of())) {
            if (u.guest()) {
                ids.put(u.id(), guestKey(u));
            } else {
                String key = Names.key(u.userPrincipalName());
                ids.put(u.id(), key);
                accounts.putIfAbsent(key, new Seen(u.userPrincipalName(), AccountType.WORK_OR_SCHOOL, u.displayName()));
            }
        }
    }

    private void guests(LiveTenant t, Set<String> connectedDomains) {
        for (LiveTenant.User u : t.users().seen().orElse(List.of())) {
            String key = guestKey(u);
            if (!u.guest() || accounts.containsKey(key)) {
                continue;
            }
            if (connectedDomains.contains(Names.domainOf(key))) {
                // Homed in a connected tenant that has no such user (deleted at home: the guest
                // stays, the rulebook's ACC-04), or whose users could not be read (unseen there).
                unmanaged.add("Tenant/" + t.name() + ": guest " + key + " has no account in its home tenant"
                        + " that could be read: shown, not managed");
                continue;
            }
            // An identity outside every connected directory: the model's outside identity is a
            // Microsoft account, unless the manifests or the state say what it is.
            AccountType type = naming.account(key).map(Account::type).orElse(AccountType.MICROSOFT_ACCOUNT);
            accounts.put(key, new Seen(u.mail().orElse(key), type, u.displayName()));
        }
    }

    /** A guest's key: its mail, or the address its {@code #EXT#} sign-in name encodes. */
    static String guestKey(LiveTenant.User u) {
        if (u.mail().isPresent()) {
            return Names.key(u.mail().get());
        }
        String upn = u.userPrincipalName();
        int ext = upn.indexOf("#EXT#");
        if (ext < 0) {
            return Names.key(upn);
        }
        String local = upn.substring(0, ext);
        int at = local.lastIndexOf('_');
        return Names.key(at < 0 ? local : local.substring(0, at) + "@" + local.substring(at + 1));
    }

    private void tenant(LiveTenant t) {
        String name = t.name();
        Optional<String> notSeen = firstUnseen(t.organization(), t.domains(), t.users(), t.globalAdministrators());
        Optional<LiveTenant.Domain> initial = t.domains()
                .seen()
                .flatMap(ds -> ds.stream().filter(LiveTenant.Domain::initial).findFirst());
        if (notSeen.isEmpty() && initial.isEmpty()) {
            notSeen = Optional.of("GET /domains showed no initial domain");
        }
        if (t.users().seen().isEmpty()) {
            unseen.add(
                    new Observation.Unseen(ACCOUNT, name, firstUnseen(t.users()).orElseThrow()));
        }
        if (notSeen.isPresent()) {
            stored.tenant(name).ifPresent(objects::add);
            unseen.add(new Observation.Unseen(TENANT, name, notSeen.get()));
            return;
        }
        List<LiveTenant.Domain> domains = t.domains().seen().orElseThrow();
        TreeSet<String> verified = new TreeSet<>();
        TreeSet<String> unverified = new TreeSet<>();
        for (LiveTenant.Domain d : domains) {
            if (!d.initial()) {
                (d.verified() ? verified : unverified).add(d.name());
            }
        }
        TreeSet<String> guests = new TreeSet<>();
        TreeSet<String> pending = new TreeSet<>();
        for (LiveTenant.User u : t.users().seen().orElseThrow()) {
            String key = guestKey(u);
            if (u.guest() && accounts.containsKey(key)) {
                guests.add(key);
                if (u.externalUserState().filter("PendingAcceptance"::equals).isPresent()) {
                    pending.add(key);
                }
            }
        }
        LiveTenant.Assignments admins = t.globalAdministrators().seen().orElseThrow();
        TreeSet<String> globalAdministrators = users(name, admins, "global administrator");
        admins.shown()
                .forEach(h -> unmanaged.add("Tenant/" + name + ": global administrator " + h.principalId() + " ("
                        + h.why() + "): shown, never managed"));
        if (t.eligibleGlobalAdministrators() instanceof Part.Unseen<Integer> not) {
            unmanaged.add("Tenant/" + name + ": eligible global administrators could not be counted: " + not.why());
        } else {
            int eligible = t.eligibleGlobalAdministrators().seen().orElseThrow();
            if (eligible > 0) {
                unmanaged.add("Tenant/" + name + ": " + eligible + " eligible global administrator assignment(s)"
                        + " (Privileged Identity Management): counted, never managed");
            }
        }
        TenantStatus status = new TenantStatus(pending, unverified, elevated(t));
        objects.add(new Tenant(
                naming.tenant(name),
                t.organization().seen().orElseThrow().displayName(),
                initial.orElseThrow().name(),
                verified,
                globalAdministrators,
                guests,
                status));
    }

    /**
     * Who holds elevated access: the tenant's users holding User Access Administrator at {@code /};
     * when the token may not read {@code /}, as the state says, and unseen.
     */
    private TreeSet<String> elevated(LiveTenant t) {
        Optional<List<String>> read = t.elevated().seen();
        if (read.isEmpty()) {
            unseen.add(new Observation.Unseen(
                    Observation.Unseen.ELEVATED_ACCESS,
                    t.name(),
                    firstUnseen(t.elevated()).orElseThrow()));
            return new TreeSet<>(
                    stored.tenant(t.name()).map(s -> s.status().elevated()).orElse(new TreeSet<>()));
        }
        return users(t.name(), new LiveTenant.Assignments(read.get(), List.of()), "elevated access");
    }

    private void subscriptions(LiveTenant t) {
        String name = t.name();
        boolean usersSeen = t.users().seen().isPresent();
        Optional<List<LiveTenant.AzureSubscription>> azure =
                t.subscriptions().seen().filter(s -> usersSeen);
        Optional<List<LiveTenant.Office365Subscription>> office =
                t.office365().seen().filter(s -> usersSeen);
        if (azure.isEmpty() || office.isEmpty()) {
            String why =
                    firstUnseen(t.subscriptions(), t.office365(), t.users()).orElseThrow();
            unseen.add(new Observation.Unseen(SUBSCRIPTION, name, why));
        }
        Map<String, Subscription> seen = new LinkedHashMap<>();
        List<LiveTenant.AzureSubscription> azures = azure.orElse(List.of()).stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
        for (LiveTenant.AzureSubscription s : azures) {
            Optional<String> displayName = Optional.of(s.displayName()).filter(d -> !d.isBlank());
            Optional<Subscription> known = naming.subscription(s.id(), Offer.AZURE, name, displayName, azures.size());
            Optional<LiveTenant.Assignments> owners = s.owners().seen();
            if (owners.isEmpty()) {
                unseen.add(new Observation.Unseen(
                        SUBSCRIPTION, name, firstUnseen(s.owners()).orElseThrow()));
                known.flatMap(k -> stored.subscription(k.metadata().name())).ifPresent(k -> seen.put(s.id(), k));
                continue;
            }
            String label = "Subscription " + displayName.orElse(s.id()) + " (" + s.id() + ")";
            owners.get()
                    .shown()
                    .forEach(h -> unmanaged.add(
                            label + ": owner " + h.principalId() + " (" + h.why() + "): shown, never managed"));
            seen.put(
                    s.id(),
                    new Subscription(
                            known.map(Subscription::metadata).orElse(UNNAMED),
                            Offer.AZURE,
                            name,
                            displayName,
                            known.flatMap(Subscription::accountAdministrator),
                            Optional.empty(),
                            new TreeSet<>(),
                            users(name, owners.get(), label + ": owner"),
                            known.flatMap(Subscription::offerId),
                            known.flatMap(k -> stored.subscription(k.metadata().name()))
                                    .map(Subscription::status)
                                    .orElse(SubscriptionStatus.NONE)));
        }
        List<LiveTenant.Office365Subscription> offices = office.orElse(List.of()).stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
        for (LiveTenant.Office365Subscription s : offices) {
            Optional<String> sku = Optional.of(s.skuPartNumber()).filter(d -> !d.isBlank());
            Optional<Subscription> known = naming.subscription(s.id(), Offer.OFFICE365, name, sku, offices.size());
            seen.put(
                    s.id(),
                    new Subscription(
                            known.map(Subscription::metadata).orElse(UNNAMED),
                            Offer.OFFICE365,
                            name,
                            known.map(Subscription::displayName).orElse(sku),
                            known.flatMap(Subscription::accountAdministrator),
                            Optional.empty(),
                            new TreeSet<>()));
        }
        // Names are made up only once every subscription the manifests or the state know was matched.
        seen.forEach((id, s) -> objects.add(
                s.metadata() != UNNAMED ? s : withMetadata(s, naming.newSubscription(id, s.displayName()))));
        if (azure.isEmpty() || office.isEmpty()) {
            for (Subscription s : stored.subscriptions()) {
                boolean notRead = s.isAzure() ? azure.isEmpty() : office.isEmpty();
                if (s.tenant().equals(name) && notRead) {
                    objects.add(s);
                }
            }
        }
    }

    private static Subscription withMetadata(Subscription s, Metadata metadata) {
        return new Subscription(
                metadata,
                s.offer(),
                s.tenant(),
                s.displayName(),
                s.accountAdministrator(),
                s.serviceAdministrator(),
                s.coAdministrators(),
                s.owners(),
                s.offerId(),
                s.status());
    }

    /** The account keys of the users holding a role directly; a holder among no user read is shown. */
    private TreeSet<String> users(String tenant, LiveTenant.Assignments assignments, String role) {
        Map<String, String> ids = principals.getOrDefault(tenant, Map.of());
        TreeSet<String> out = new TreeSet<>();
        for (String id : assignments.directUsers()) {
            String key = ids.get(id);
            if (key != null && accounts.containsKey(key)) {
                out.add(key);
            } else {
                unmanaged.add((role.startsWith("Subscription") ? "" : "Tenant/" + tenant + ": ") + role + " " + id
                        + (key == null ? " (not among the users read)" : " (" + key + ", not managed)")
                        + ": shown, never managed");
            }
        }
        return out;
    }

    private static Optional<String> firstUnseen(Part<?>... parts) {
        for (Part<?> part : parts) {
            if (part instanceof Part.Unseen<?> not) {
                return Optional.of(not.why());
            }
        }
        return Optional.empty();
    }
}
