package io.tenantctl.step;

import io.tenantctl.model.Account;
import io.tenantctl.model.Names;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One operation on one object: what should happen, not yet who does it.
 *
 * @param account the account whose role the step grants, revokes or names; in a plan, as declared
 * @param domain  the domain a domain step adds or removes
 * @param from    the tenant a transfer leaves
 * @param to      the tenant a transfer joins
 * @param object  the whole desired object, for steps that create or update one
 * @param signUp  for {@code CreateTenant}: work or school accounts of the new tenant that could
 *                sign up for it (and are created by doing so); once the step is planned, at most
 *                the one that did
 */
public record Step(
        Op op,
        ObjectRef target,
        Optional<String> account,
        Optional<String> domain,
        Optional<String> from,
        Optional<String> to,
        Optional<WorldObject> object,
        List<Account> signUp) {

    /**
     * The canonical order of steps with the same priority: by operation, target, then account or
     * domain. Written out by hand because plans sort hundreds of thousands of steps.
     */
    public static final Comparator<Step> ORDER = (a, b) -> {
        int c = a.op.compareTo(b.op);
        if (c != 0) {
            return c;
        }
        c = a.target.compareTo(b.target);
        if (c != 0) {
            return c;
        }
        c = compare(a.account, b.account);
        return c != 0 ? c : compare(a.domain, b.domain);
    };

    private static int compare(Optional<String> a, Optional<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isPresent(), b.isPresent());
        }
        return a.get().compareTo(b.get());
    }

    public Step {
        if (op.targetKind() != target.kind()) {
            throw new IllegalArgumentException(op + " does not act on " + target);
        }
        signUp = List.copyOf(signUp);
    }

    public static Step of(Op op, ObjectRef target) {
        return new Step(
                op,
                target,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of());
    }

    public static Step withObject(Op op, WorldObject object) {
        return of(op, object.ref()).withObjectValue(object);
    }

    public static Step forAccount(Op op, ObjectRef target, String account) {
        return of(op, target).withAccount(account);
    }

    public static Step forDomain(Op op, ObjectRef target, String domain) {
        return new Step(
                op,
                target,
                Optional.empty(),
                Optional.of(domain),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of());
    }

    public static Step transfer(ObjectRef target, String from, String to) {
        return new Step(
                Op.TRANSFER_SUBSCRIPTION,
                target,
                Optional.empty(),
                Optional.empty(),
                Optional.of(from),
                Optional.of(to),
                Optional.empty(),
                List.of());
    }

    /** The account this step concerns, normalised for comparison (the field may hold the declared form). */
    public Optional<String> accountKey() {
        return account.map(Names::key);
    }

    public Step withAccount(String key) {
        return new Step(op, target, Optional.of(key), domain, from, to, object, signUp);
    }

    public Step withObjectValue(WorldObject value) {
        return new Step(op, target, account, domain, from, to, Optional.of(value), signUp);
    }

    public Step withSignUp(List<Account> accounts) {
        return new Step(op, target, account, domain, from, to, object, accounts);
    }

    /** A one-line description: {@code AddGlobalAdmin msmith@hotmail.com to Tenant/contoso}. */
    public String describe() {
        if (op == Op.CREATE_TENANT) {
            return op.wireName() + " " + target
                    + account.map(a -> " (signed up by " + a + ")").orElse("");
        }
        StringBuilder out = new StringBuilder(op.wireName());
        account.ifPresent(a -> out.append(' ')
                .append(a)
                .append(op == Op.REMOVE_GLOBAL_ADMIN || op == Op.REMOVE_CO_ADMIN ? " from" : " to"));
        domain.ifPresent(d -> out.append(' ').append(d).append(op == Op.REMOVE_DOMAIN ? " from" : " to"));
        out.append(' ').append(target);
        if (from.isPresent() && to.isPresent()) {
            out.append(" from Tenant/").append(from.get()).append(" to Tenant/").append(to.get());
        }
        return out.toString();
    }
}
