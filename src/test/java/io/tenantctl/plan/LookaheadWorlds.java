package io.tenantctl.plan;

import io.tenantctl.diag.Severity;
import io.tenantctl.diff.Change;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.diff.Differ;
import io.tenantctl.generate.EntraWorlds;
import io.tenantctl.generate.WorldGenerator;
import io.tenantctl.generate.WorldMutator;
import io.tenantctl.model.Account;
import io.tenantctl.model.AccountType;
import io.tenantctl.model.Metadata;
import io.tenantctl.model.Names;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Offer;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.Profile;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.World;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * Pairs of small valid worlds (before, after) whose plans have at most {@link #MAX_STEPS} steps,
 * made so that many need lookahead: a Microsoft account removed as global administrator of the
 * tenant a subscription moves to, a service administrator changed before a transfer, a tenant's
 * global administrators all replaced, new tenants that several accounts could sign up for, tenants
 * deleted while Microsoft accounts administer them, {@code --as} restricted to one or two
 * identities. Each pair is drawn from a small palette of three tenants and their accounts, so that
 * changes meet; a quarter are the world generator's and mutator's small worlds, sometimes run
 * backwards (often impossible to reach, so the refusals are tested too).
 */
final class LookaheadWorlds {

    static final int MAX_STEPS = 7;

    /** One pair, with the {@code --as} identities (normalised; empty: anyone) and how it was made. */
    record Case(String kind, World before, World after, List<String> as, ChangeSet changes) {}

    private final Profile profile;
    private final Random random;

    LookaheadWorlds(Profile profile, long seed) {
        this.profile = profile;
        this.random = new Random(seed);
    }

    /** The next pair: both worlds valid, comparable (nothing immutable changes), 1 to {@link #MAX_STEPS} steps. */
    Case next() {
        while (true) {
            int kind = random.nextInt(10);
            Optional<Case> made =
                    kind < 2 ? generated() : kind < 5 ? move() : kind < 7 ? serviceAdministratorReplaced() : palette();
            if (made.isPresent()) {
                return made.get();
            }
        }
    }

    /**
     * The reproduction of issue 9 and its neighbours: a subscription of one tenant moves to another
     * whose global administrator, a Microsoft account, becomes its service administrator, while that
     * account stops being a global administrator there; sometimes with one more change.
     */
    private Optional<Case> move() {
        MutableWorld w = World.empty().toMutable();
        String m = Names.key(pick(List.of(MICROSOFT)));
        String other = Names.key(pick(List.of(MICROSOFT)));
        w.put(microsoft(m));
        w.put(microsoft(other));
        w.put(work("w", "t0"));
        w.put(work("w", "t1"));
        String wa = work("w", "t0").key();
        String bw = work("w", "t1").key();
        TreeSet<String> aAdmins = new TreeSet<>(List.of(wa));
        if (random.nextBoolean()) {
            aAdmins.add(m);
        }
        TreeSet<String> bAdmins = new TreeSet<>(List.of(bw));
        if (random.nextInt(5) > 0) {
            bAdmins.add(m);
        }
        if (random.nextInt(3) == 0) {
            bAdmins.add(other);
        }
        w.put(new Tenant(Metadata.named("t0"), "A", "t0.onmicrosoft.com", new TreeSet<>(), aAdmins));
        w.put(new Tenant(Metadata.named("t1"), "B", "t1.onmicrosoft.com", new TreeSet<>(), bAdmins));
        String aa = random.nextInt(4) > 0 ? wa : pick(new ArrayList<>(aAdmins));
        boolean microsoftAa = aa.equals(m);
        String sa = microsoftAa || random.nextInt(3) > 0 ? aa : other;
        TreeSet<String> co = new TreeSet<>();
        if (random.nextBoolean() && !sa.equals(wa) && !microsoftAa) {
            co.add(wa);
        }
        w.put(new Subscription(
                Metadata.named("s"), Offer.AZURE, "t0", Optional.empty(), Optional.of(aa), Optional.of(sa), co));
        World before = w.snapshot();
        Subscription s = w.subscription("s").orElseThrow();
        if (random.nextInt(5) > 0) {
            s = s.withTenant("t1").withCoAdministrators(new TreeSet<>());
        }
        if (random.nextInt(4) > 0) {
            s = s.withServiceAdministrator(random.nextInt(4) > 0 ? m : other);
        }
        w.put(s);
        if (random.nextInt(4) > 0) {
            Tenant b = w.tenant("t1").orElseThrow();
            if (b.globalAdministrators().size() > 1) {
                w.put(b.withoutGlobalAdministrator(
                        random.nextInt(4) > 0 ? m : pick(new ArrayList<>(b.globalAdministrators()))));
            }
        }
        if (random.nextBoolean()) {
            change(w, 2);
        }
        return pair("move", before, w.snapshot(), as(before));
    }

    private Optional<Case> generated() {
        long seed = random.nextLong();
        World a = new WorldGenerator(seed).generate(8 + random.nextInt(20));
        World b = new WorldMutator(seed + 1, profile.limits()).mutate(a, 0.05 + random.nextDouble() * 0.3);
        boolean backwards = random.nextBoolean();
        return pair(backwards ? "generated, backwards" : "generated", backwards ? b : a, backwards ? a : b, as(a));
    }

    /**
     * A service administrator replaced while its co-administrators change, when only some of the
     * accounts may act: the old service administrator must change the co-administrators before its
     * account administrator replaces it, though grants of a service administrator are preferred
     * before changes of co-administrators.
     */
    private Optional<Case> serviceAdministratorReplaced() {
        MutableWorld w = World.empty().toMutable();
        for (String m : MICROSOFT) {
            w.put(microsoft(m));
        }
        w.put(work("w", "t0"));
        w.put(work("v", "t0"));
        List<String> microsoft = new ArrayList<>();
        for (String m : MICROSOFT) {
            microsoft.add(Names.key(m));
        }
        String first = pick(microsoft);
        TreeSet<String> admins = new TreeSet<>(List.of(work("w", "t0").key(), first));
        w.put(new Tenant(Metadata.named("t0"), "A", "t0.onmicrosoft.com", new TreeSet<>(), admins));
        String aa = random.nextBoolean() ? first : work("w", "t0").key();
        String sa = random.nextInt(3) > 0 ? aa : pick(microsoft);
        TreeSet<String> co = new TreeSet<>();
        for (String c : some(new ArrayList<>(List.of(work("v", "t0").key(), pick(microsoft))), 0)) {
            if (!c.equals(sa) && (w.account(c).orElseThrow().isMicrosoftAccount() || !aa.equals(first))) {
                co.add(c);
            }
        }
        w.put(new Subscription(
                Metadata.named("s"), Offer.AZURE, "t0", Optional.empty(), Optional.of(aa), Optional.of(sa), co));
        World before = w.snapshot();
        Subscription s = w.subscription("s").orElseThrow();
        String next = pick(microsoft);
        TreeSet<String> newCo = new TreeSet<>(s.coAdministrators());
        newCo.remove(next);
        if (random.nextBoolean()) {
            String added = pick(microsoft);
            if (!added.equals(next)) {
                newCo.add(added);
            }
        }
        if (random.nextBoolean() && !newCo.isEmpty()) {
            newCo.remove(pick(new ArrayList<>(newCo)));
        }
        w.put(s.withServiceAdministrator(next).withCoAdministrators(newCo));
        List<String> as = new ArrayList<>(List.of(sa));
        if (!aa.equals(sa) && random.nextInt(3) > 0) {
            as.add(aa);
        }
        return pair("service administrator replaced", before, w.snapshot(), random.nextInt(4) > 0 ? as : as(before));
    }

    // ---------------------------------------------------------------- the palette

    private static final String[] TENANTS = {"t0", "t1", "t2"};
    private static final String[] MICROSOFT = {"m0@outlook.com", "m1@hotmail.com", "m2@outlook.com"};

    private static Account microsoft(String signIn) {
        return new Account(
                Metadata.named(signIn.substring(0, 2)), AccountType.MICROSOFT_ACCOUNT, signIn, Optional.empty());
    }

    private static Account work(String user, String tenant) {
        return new Account(
                Metadata.named(user + "-" + tenant),
                AccountType.WORK_OR_SCHOOL,
                user + "@" + tenant + ".onmicrosoft.com",
                Optional.empty());
    }

    private List<String> workOf(String tenant) {
        return List.of(work("w", tenant).key(), work("v", tenant).key());
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private <T> List<T> some(List<T> list, int min) {
        List<T> out = new ArrayList<>();
        for (T t : list) {
            if (random.nextInt(3) == 0) {
                out.add(t);
            }
        }
        while (out.size() < min && out.size() < list.size()) {
            T t = pick(list);
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private Optional<Case> palette() {
        MutableWorld w = World.empty().toMutable();
        for (String m : MICROSOFT) {
            w.put(microsoft(m));
        }
        int tenants = 2 + random.nextInt(2);
        for (int i = 0; i < tenants; i++) {
            String t = TENANTS[i];
            w.put(work("w", t));
            w.put(work("v", t));
            List<String> candidates = new ArrayList<>(workOf(t));
            for (String m : MICROSOFT) {
                candidates.add(Names.key(m));
            }
            w.put(new Tenant(
                    Metadata.named(t),
                    "Tenant " + t,
                    t + ".onmicrosoft.com",
                    new TreeSet<>(),
                    new TreeSet<>(some(candidates, 1 + random.nextInt(2)))));
        }
        int subscriptions = random.nextInt(3);
        for (int i = 0; i < subscriptions; i++) {
            azure(w, "s" + i, TENANTS[random.nextInt(tenants)]);
        }
        if (random.nextInt(4) == 0) {
            w.put(new Subscription(
                    Metadata.named("o365"),
                    Offer.OFFICE365,
                    TENANTS[random.nextInt(tenants)],
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    new TreeSet<>()));
        }
        World before = w.snapshot();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            change(w, tenants);
        }
        return pair("palette", before, w.snapshot(), as(before));
    }

    /** An Azure subscription whose account administrator may create it there, with roles the rules allow. */
    private void azure(MutableWorld w, String name, String tenant) {
        Tenant t = w.tenant(tenant).orElseThrow();
        List<String> creators = new ArrayList<>(t.globalAdministrators());
        creators.addAll(workOf(tenant));
        String aa = pick(creators);
        boolean microsoftAa = w.account(aa).map(Account::isMicrosoftAccount).orElse(false);
        List<String> allowed = new ArrayList<>();
        for (String m : MICROSOFT) {
            allowed.add(Names.key(m));
        }
        if (!microsoftAa) {
            allowed.addAll(workOf(tenant));
        }
        String sa = random.nextBoolean() ? aa : pick(allowed);
        List<String> co = new ArrayList<>();
        List<String> coCandidates = new ArrayList<>(allowed);
        coCandidates.addAll(workOf(tenant));
        for (String c : some(coCandidates, 0)) {
            if (!c.equals(sa) && !co.contains(c) && co.size() < 2) {
                co.add(c);
            }
        }
        w.put(new Subscription(
                Metadata.named(name),
                Offer.AZURE,
                tenant,
                Optional.empty(),
                Optional.of(aa),
                Optional.of(sa),
                new TreeSet<>(co)));
    }

    private void change(MutableWorld w, int tenants) {
        Tenant t = w.tenant(TENANTS[random.nextInt(tenants)]).orElse(null);
        List<Subscription> azure =
                w.subscriptions().stream().filter(Subscription::isAzure).toList();
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                // a global administrator removed, most often a Microsoft account
                if (t != null && t.globalAdministrators().size() > 1) {
                    w.put(t.withoutGlobalAdministrator(pick(new ArrayList<>(t.globalAdministrators()))));
                }
            }
            case 2 -> {
                if (t != null) {
                    List<String> candidates = new ArrayList<>(workOf(t.name()));
                    for (String m : MICROSOFT) {
                        candidates.add(Names.key(m));
                    }
                    w.put(t.withGlobalAdministrator(pick(candidates)));
                }
            }
            case 3, 4 -> {
                // a move, its service administrator a Microsoft account that administers the target
                if (!azure.isEmpty()) {
                    Subscription s = pick(azure);
                    String to = TENANTS[random.nextInt(tenants)];
                    Tenant target = w.tenant(to).orElse(null);
                    if (target != null && !to.equals(s.tenant())) {
                        List<String> sas = new ArrayList<>();
                        for (String m : MICROSOFT) {
                            sas.add(Names.key(m));
                        }
                        String sa = pick(sas);
                        TreeSet<String> co = new TreeSet<>();
                        for (String c : s.coAdministrators()) {
                            if (w.account(c).map(Account::isMicrosoftAccount).orElse(false) && !c.equals(sa)) {
                                co.add(c);
                            }
                        }
                        w.put(s.withTenant(to).withServiceAdministrator(sa).withCoAdministrators(co));
                    }
                }
            }
            case 5 -> {
                if (!azure.isEmpty()) {
                    Subscription s = pick(azure);
                    List<String> sas = new ArrayList<>();
                    for (String m : MICROSOFT) {
                        sas.add(Names.key(m));
                    }
                    sas.addAll(workOf(s.tenant()));
                    String sa = pick(sas);
                    if (!s.coAdministrators().contains(sa)) {
                        w.put(s.withServiceAdministrator(sa));
                    }
                }
            }
            case 6 -> {
                // every global administrator replaced
                if (t != null) {
                    List<String> candidates = new ArrayList<>(workOf(t.name()));
                    for (String m : MICROSOFT) {
                        candidates.add(Names.key(m));
                    }
                    candidates.removeAll(t.globalAdministrators());
                    if (!candidates.isEmpty()) {
                        w.put(t.withGlobalAdministrators(new TreeSet<>(some(candidates, 1))));
                    }
                }
            }
            case 7 -> {
                // a new tenant that a work account of its own or a Microsoft account can sign up for
                String name = "t9";
                if (w.tenant(name).isEmpty()) {
                    TreeSet<String> admins = new TreeSet<>();
                    if (random.nextBoolean()) {
                        Account founder = work("w", name);
                        w.put(founder);
                        admins.add(founder.key());
                    }
                    admins.add(Names.key(pick(List.of(MICROSOFT))));
                    if (random.nextBoolean()) {
                        admins.add(Names.key(pick(List.of(MICROSOFT))));
                    }
                    w.put(new Tenant(Metadata.named(name), "New", name + ".onmicrosoft.com", new TreeSet<>(), admins));
                }
            }
            default -> {
                // a tenant deleted with what it holds
                if (t != null) {
                    deleteTenant(w, t);
                }
            }
        }
    }

    private static void deleteTenant(MutableWorld w, Tenant t) {
        for (String s : new ArrayList<>(w.subscriptionsTrusting(t.name()))) {
            w.remove(ObjectRef.subscription(s));
        }
        for (String domain : t.allDomains()) {
            for (String key : new ArrayList<>(w.accountsOnDomain(domain))) {
                Account a = w.account(key).orElseThrow();
                for (String s : new ArrayList<>(w.subscriptionsReferencing(key))) {
                    w.remove(ObjectRef.subscription(s));
                }
                for (String other : new ArrayList<>(w.tenantsAdministeredBy(key))) {
                    w.tenant(other).ifPresent(o -> w.put(o.withoutGlobalAdministrator(key)));
                }
                w.remove(a.ref());
            }
        }
        w.remove(t.ref());
    }

    /** Sometimes only one or two identities may act. */
    private List<String> as(World before) {
        if (random.nextInt(10) >= 3) {
            return List.of();
        }
        List<String> accounts = new ArrayList<>();
        for (Account a : before.accounts()) {
            accounts.add(a.key());
        }
        List<String> out = new ArrayList<>();
        out.add(pick(accounts));
        if (random.nextBoolean()) {
            String second = pick(accounts);
            if (!out.contains(second)) {
                out.add(second);
            }
        }
        return out;
    }

    private Optional<Case> pair(String kind, World classicBefore, World classicAfter, List<String> as) {
        // The same shapes in today's world: administrators become owners, outsiders guests.
        boolean entra = profile.name().equals("entra");
        World before = entra ? EntraWorlds.of(classicBefore) : classicBefore;
        World after = entra ? EntraWorlds.of(classicAfter) : classicAfter;
        if (!valid(before) || !valid(after)) {
            return Optional.empty();
        }
        Differ.Result diff = new Differ().diff(after.objects(), before, object -> true);
        if (!diff.violations().isEmpty() || !valid(diff.changeSet().desired())) {
            return Optional.empty();
        }
        int steps = 0;
        for (Change change : diff.changeSet().changes()) {
            steps += profile.steps()
                    .steps(change, before, diff.changeSet().desired())
                    .size();
        }
        if (steps < 1 || steps > MAX_STEPS) {
            return Optional.empty();
        }
        return Optional.of(new Case(kind, before, after, as, diff.changeSet()));
    }

    private boolean valid(WorldView world) {
        return profile.rules().checkAll(world).stream().noneMatch(v -> v.severity() == Severity.ERROR);
    }

    static String describe(WorldView world) {
        StringBuilder out = new StringBuilder();
        for (WorldObject o : ((World) world).objects()) {
            out.append("\n    ").append(o);
        }
        return out.toString();
    }
}
