package io.tenantctl.provider.azure;

import io.tenantctl.model.Account;
import io.tenantctl.model.Kind;
import io.tenantctl.model.Metadata;
import io.tenantctl.model.Offer;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The manifest names of what a directory shows, which knows sign-in names and subscription ids but
 * no manifest names: an object the manifests declare keeps their name (and metadata), else the
 * name the state last knew it by, else a name made from what the directory shows. Accounts are
 * recognised by sign-in name; subscriptions by the {@value #SUBSCRIPTION_ID} annotation, else by
 * offer and display name (in any tenant: a subscription that changed directory is the same), else as the only one of their offer in their tenant on both
 * sides. A name made up is unique among every name the manifests and the state use.
 */
final class Naming {

    /** The annotation that ties a subscription's manifest to the live subscription's id. */
    static final String SUBSCRIPTION_ID = "azure.tenantctl.io/subscription-id";

    private static final int MAX_NAME = 63;

    private final List<WorldView> known;
    private final Set<String> taken = new HashSet<>();
    private final Set<String> matched = new HashSet<>();

    /** @param known where names come from, first the manifests, then the state */
    Naming(List<WorldView> known) {
        this.known = List.copyOf(known);
        for (WorldView world : known) {
            world.tenants().forEach(o -> taken.add(o.kind() + "/" + o.metadata().name()));
            world.accounts()
                    .forEach(o -> taken.add(o.kind() + "/" + o.metadata().name()));
            world.subscriptions()
                    .forEach(o -> taken.add(o.kind() + "/" + o.metadata().name()));
        }
    }

    /** A tenant is named by its connection, which is named after its manifest. */
    Metadata tenant(String name) {
        for (WorldView world : known) {
            Optional<Tenant> tenant = world.tenant(name);
            if (tenant.isPresent()) {
                return tenant.get().metadata();
            }
        }
        return Metadata.named(name);
    }

    /** The account the manifests or the state know by this sign-in name (a key), if any. */
    Optional<Account> account(String key) {
        for (WorldView world : known) {
            Optional<Account> account = world.account(key);
            if (account.isPresent()) {
                return account;
            }
        }
        return Optional.empty();
    }

    /** A name for an account nobody named: its sign-in name in the characters a name allows. */
    Metadata newAccount(String signInName) {
        return Metadata.named(fresh(Kind.ACCOUNT, signInName));
    }

    /**
     * The subscription the manifests or the state declare for a live one, if one can be told; each
     * declared subscription is matched at most once.
     */
    Optional<Subscription> subscription(
            String id, Offer offer, String tenant, Optional<String> displayName, int liveOfTheirKind) {
        for (WorldView world : known) {
            List<Subscription> candidates = new ArrayList<>();
            for (Subscription s : world.subscriptions()) {
                if (!matched.contains(s.metadata().name())) {
                    candidates.add(s);
                }
            }
            Optional<Subscription> found = candidates.stream()
                    .filter(s -> id.equalsIgnoreCase(s.metadata().annotations().getOrDefault(SUBSCRIPTION_ID, "")))
                    .findFirst();
            List<Subscription> same = candidates.stream()
                    .filter(s -> s.offer() == offer)
                    .filter(s -> !s.metadata().annotations().containsKey(SUBSCRIPTION_ID))
                    .toList();
            if (found.isEmpty() && displayName.isPresent()) {
                // in any tenant: a subscription that changes directory keeps its name
                List<Subscription> named = same.stream()
                        .filter(s -> s.displayName().equals(displayName))
                        .toList();
                found = named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
            }
            List<Subscription> here =
                    same.stream().filter(s -> s.tenant().equals(tenant)).toList();
            if (found.isEmpty() && here.size() == 1 && liveOfTheirKind == 1) {
                found = Optional.of(here.get(0));
            }
            if (found.isPresent()) {
                matched.add(found.get().metadata().name());
                return found;
            }
        }
        return Optional.empty();
    }

    /** A name for a subscription nobody named, with its id as the annotation that recognises it next time. */
    Metadata newSubscription(String id, Optional<String> displayName) {
        String name = fresh(Kind.SUBSCRIPTION, displayName.orElse("subscription-" + id));
        TreeMap<String, String> annotations = new TreeMap<>();
        annotations.put(SUBSCRIPTION_ID, id);
        return new Metadata(name, new TreeMap<>(), annotations);
    }

    private String fresh(Kind kind, String from) {
        String base = slug(from);
        String name = base;
        for (int n = 2; !taken.add(kind + "/" + name); n++) {
            String suffix = "-" + n;
            name = base.substring(0, Math.min(base.length(), MAX_NAME - suffix.length())) + suffix;
        }
        return name;
    }

    /** Lower case letters, digits and single dashes, at most 63, starting and ending with a letter or digit. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.substring(0, Math.min(s.length(), MAX_NAME)).replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "object" : s;
    }
}
