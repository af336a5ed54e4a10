package io.tenantctl.rules;

import io.tenantctl.model.Account;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A profile's rules: the invariants that must hold after every step (errors), the advice that is
 * given about the end state only (warnings), and the field policy, checked on what the manifests
 * declare only (which fields of the one schema set the profile's era uses: {@link FieldPolicy}).
 */
public record RuleSet(List<Rule> invariants, List<Rule> advice, List<Rule> fields) {

    public RuleSet {
        invariants = List.copyOf(invariants);
        advice = List.copyOf(advice);
        fields = List.copyOf(fields);
    }

    public RuleSet(List<Rule> invariants, List<Rule> advice) {
        this(invariants, advice, List.of());
    }

    /** The invariants broken by the objects in scope. */
    public List<Violation> check(WorldView world, Scope scope) {
        List<Violation> out = new ArrayList<>();
        run(invariants, world, scope, out::add);
        return out;
    }

    /** Objects checked by one task of {@link #checkAll}. */
    private static final int CHUNK = 2_000;

    /**
     * Every broken invariant, every piece of advice and every field refused, for the whole world:
     * fields, then invariants, then advice, each over the tenants, the accounts and the
     * subscriptions in the world's order. The rules only read the world and judge each object on its
     * own, so a large world is checked in chunks on every core and the lists are joined in that
     * order: the same violations in the same order as one pass would give.
     */
    public List<Violation> checkAll(WorldView world) {
        List<Tenant> tenants = List.copyOf(world.tenants());
        List<Account> accounts = List.copyOf(world.accounts());
        List<Subscription> subscriptions = List.copyOf(world.subscriptions());
        List<Chunk> chunks = new ArrayList<>();
        for (List<Rule> rules : List.of(fields, invariants, advice)) {
            if (rules.isEmpty()) {
                continue;
            }
            chunk(tenants, chunks, (t, out) -> rules.forEach(r -> r.checkTenant(world, t, out)));
            chunk(accounts, chunks, (a, out) -> rules.forEach(r -> r.checkAccount(world, a, out)));
            chunk(subscriptions, chunks, (s, out) -> rules.forEach(r -> r.checkSubscription(world, s, out)));
        }
        Stream<Chunk> tasks = chunks.size() > 1 ? chunks.parallelStream() : chunks.stream();
        return tasks
                .map(chunk -> {
                    List<Violation> found = new ArrayList<>();
                    chunk.check(found::add);
                    return found;
                })
                .toList()
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    /** Adds the tasks that check {@code objects}, {@link #CHUNK} at a time, in their order. */
    private static <T> void chunk(List<T> objects, List<Chunk> into, BiConsumer<T, Consumer<Violation>> check) {
        for (int i = 0; i < objects.size(); i += CHUNK) {
            List<T> part = objects.subList(i, Math.min(objects.size(), i + CHUNK));
            into.add(out -> part.forEach(o -> check.accept(o, out)));
        }
    }

    /** One task of {@link #checkAll}: some objects of one kind against one group of rules. */
    private interface Chunk {
        void check(Consumer<Violation> out);
    }

    private static void run(List<Rule> rules, WorldView world, Scope scope, Consumer<Violation> out) {
        // Plain loops, not forEach with lambdas: this runs around each of hundreds of thousands of
        // planned steps, and under the launcher's C1 compiler every capturing lambda is an
        // allocation through a method handle.
        if (rules.isEmpty()) {
            return;
        }
        for (String name : scope.tenants()) {
            Optional<Tenant> t = world.tenant(name);
            if (t.isPresent()) {
                for (Rule r : rules) {
                    r.checkTenant(world, t.get(), out);
                }
            }
        }
        for (String key : scope.accounts()) {
            Optional<Account> a = world.account(key);
            if (a.isPresent()) {
                for (Rule r : rules) {
                    r.checkAccount(world, a.get(), out);
                }
            }
        }
        for (String name : scope.subscriptions()) {
            String member = scope.memberOnly(name);
            Optional<Subscription> s = world.subscription(name);
            if (s.isPresent()) {
                for (Rule r : rules) {
                    if (member == null) {
                        r.checkSubscription(world, s.get(), out);
                    } else {
                        r.checkSubscriptionMember(world, s.get(), member, out);
                    }
                }
            }
        }
    }
}
