package io.tenantctl.step;

import io.tenantctl.model.Account;
import io.tenantctl.model.Names;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One operation on one object: what should happen, not yet who does it. What the step acts with
 * besides its target is its {@link Subject}, of the one shape its operation takes.
 */
public record Step(Op op, ObjectRef target, Subject subject) {

    /**
     * The canonical order of steps with the same priority: by operation, target, then account or
     * domain. Written out by hand because plans sort hundreds of thousands of steps.
     */
    public static final Comparator<Step> ORDER = (a, b) -> {
        int c = compareOps(a.op, b.op);
        if (c != 0) {
            return c;
        }
        c = a.target.compareTo(b.target);
        if (c != 0) {
            return c;
        }
        c = compare(a.account(), b.account());
        return c != 0 ? c : compare(a.domain(), b.domain());
    };

    private static int compareOps(Op a, Op b) {
        if (a == b) {
            return 0;
        }
        int c = Integer.compare(a.order(), b.order());
        return c != 0 ? c : a.wireName().compareTo(b.wireName());
    }

    private static int compare(Optional<String> a, Optional<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isPresent(), b.isPresent());
        }
        return a.get().compareTo(b.get());
    }

    public Step {
        if (op.targetKind() != target.kind()) {
            throw new IllegalArgumentException(op.wireName() + " does not act on " + target);
        }
        if (op.shape() != subject.shape()) {
            throw new IllegalArgumentException(op.wireName() + " takes a " + op.shape() + ", not " + subject);
        }
    }

    /** A step on the target alone (a deletion). */
    public static Step of(Op op, ObjectRef target) {
        return new Step(op, target, Subject.TARGET);
    }

    /** A step that creates or updates an object to this desired form. */
    public static Step withObject(Op op, WorldObject object) {
        return new Step(op, object.ref(), new Subject.Desired(object));
    }

    /** A step about an account's role on the target. */
    public static Step forAccount(Op op, ObjectRef target, String account) {
        return new Step(op, target, new Subject.Role(account));
    }

    public static Step forDomain(Op op, ObjectRef target, String domain) {
        return new Step(op, target, new Subject.Domain(domain));
    }

    /** A subscription's move from one tenant to another. */
    public static Step move(Op op, ObjectRef target, String from, String to) {
        return new Step(op, target, new Subject.Move(from, to));
    }

    /** A new tenant, with the accounts of it that could sign up for it. */
    public static Step signUp(Op op, Tenant tenant, List<Account> candidates) {
        return new Step(op, tenant.ref(), new Subject.SignUp(tenant, candidates, Optional.empty()));
    }

    /**
     * A step as a plan file spells it: each of the fields that its operation's shape needs must be
     * there; the others must not.
     *
     * @throws IllegalArgumentException when they do not fit the operation
     */
    public static Step fromWire(
            Op op,
            ObjectRef target,
            Optional<String> account,
            Optional<String> domain,
            Optional<String> from,
            Optional<String> to,
            Optional<WorldObject> object,
            List<Account> signUp) {
        Subject subject = switch (op.shape()) {
            case TARGET -> Subject.TARGET;
            case ROLE -> new Subject.Role(required(op, "account", account));
            case DOMAIN -> new Subject.Domain(required(op, "domain", domain));
            case MOVE -> new Subject.Move(required(op, "from", from), required(op, "to", to), account);
            case OBJECT -> new Subject.Desired(required(op, "object", object));
            case SIGN_UP -> {
                if (!(required(op, "object", object) instanceof Tenant tenant)) {
                    throw new IllegalArgumentException(op.wireName() + " needs a Tenant object");
                }
                yield new Subject.SignUp(tenant, signUp, account);
            }
        };
        Step step = new Step(op, target, subject);
        boolean extra = !step.account().equals(account)
                || !step.domain().equals(domain)
                || !step.from().equals(from)
                || !step.to().equals(to)
                || !step.object().equals(object)
                || !step.signUp().equals(signUp);
        if (extra) {
            throw new IllegalArgumentException(op.wireName() + " has fields it does not take");
        }
        return step;
    }

    private static <T> T required(Op op, String field, Optional<T> value) {
        return value.orElseThrow(() -> new IllegalArgumentException(op.wireName() + " needs " + field));
    }

    // The fields of a step as plans spell them; each is derived from the subject.

    /**
     * The account whose role the step grants, revokes or names, who signed up for a tenant, or who
     * does a move that depends on who does it.
     */
    public Optional<String> account() {
        if (subject instanceof Subject.Role r) {
            return Optional.of(r.account());
        }
        if (subject instanceof Subject.Move m) {
            return m.by();
        }
        return subject instanceof Subject.SignUp s ? s.founder() : Optional.empty();
    }

    /** The domain a domain step adds or removes. */
    public Optional<String> domain() {
        return subject instanceof Subject.Domain d ? Optional.of(d.domain()) : Optional.empty();
    }

    /** The tenant a move leaves. */
    public Optional<String> from() {
        return subject instanceof Subject.Move m ? Optional.of(m.from()) : Optional.empty();
    }

    /** The tenant a move joins. */
    public Optional<String> to() {
        return subject instanceof Subject.Move m ? Optional.of(m.to()) : Optional.empty();
    }

    /** The whole desired object of a step that creates or updates one. */
    public Optional<WorldObject> object() {
        if (subject instanceof Subject.Desired d) {
            return Optional.of(d.object());
        }
        return subject instanceof Subject.SignUp s ? Optional.of(s.tenant()) : Optional.empty();
    }

    /** The work or school accounts a sign-up may create (once placed, the one it does create). */
    public List<Account> signUp() {
        return subject instanceof Subject.SignUp s ? s.candidates() : List.of();
    }

    /** The account this step concerns, normalised for comparison (the field may hold the declared form). */
    public Optional<String> accountKey() {
        return account().map(Names::key);
    }

    /** The same step with the account it names (a role's, or a founder's) spelt another way. */
    public Step withAccountShown(UnaryOperator<String> spelling) {
        if (subject instanceof Subject.Role r) {
            return new Step(op, target, new Subject.Role(spelling.apply(r.account())));
        }
        if (subject instanceof Subject.SignUp s) {
            return new Step(
                    op,
                    target,
                    new Subject.SignUp(s.tenant(), s.candidates(), s.founder().map(spelling)));
        }
        if (subject instanceof Subject.Move m && m.by().isPresent()) {
            return new Step(op, target, new Subject.Move(m.from(), m.to(), m.by().map(spelling)));
        }
        return this;
    }

    /** What someone outside tenantctl must do for this step, if anything ({@link Op#external}). */
    public Optional<ExternalAction> external() {
        return op.external(this);
    }

    /** A one-line description: {@code AddGlobalAdmin msmith@hotmail.com to Tenant/contoso}. */
    public String describe() {
        if (subject instanceof Subject.SignUp s) {
            return op.wireName() + " " + target
                    + s.founder().map(a -> " (signed up by " + a + ")").orElse("");
        }
        StringBuilder out = new StringBuilder(op.wireName());
        String preposition = op.removesSubject() ? " from" : " to";
        if (subject instanceof Subject.Role r) {
            out.append(' ').append(r.account()).append(preposition);
        } else if (subject instanceof Subject.Domain d) {
            out.append(' ').append(d.domain()).append(preposition);
        }
        out.append(' ').append(target);
        if (subject instanceof Subject.Move m) {
            out.append(" from Tenant/").append(m.from()).append(" to Tenant/").append(m.to());
            m.by().ifPresent(by -> out.append(" (by ").append(by).append(')'));
        }
        return out.toString();
    }
}
