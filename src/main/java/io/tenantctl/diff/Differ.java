package io.tenantctl.diff;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Account;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.rules.Violation;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares desired objects with the live world.
 *
 * <p>Objects are matched by kind and {@code metadata.name}. A live object the manifests do not
 * declare is kept unless {@code prunable} says it may go, in which case it is deleted. Changes to
 * fields that never change are reported as violations located in the manifest, and such an object
 * is left out of the desired world's changes (it stays as it is live), so that one bad field does
 * not hide the rest of the plan's problems.
 */
public final class Differ {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The comparison, the desired world, and what may not be changed. */
    public record Result(ChangeSet changeSet, List<Violation> violations) {}

    public Result diff(Collection<WorldObject> manifests, World live, Predicate<WorldObject> prunable) {
        Map<ObjectRef, WorldObject> declared = new TreeMap<>();
        for (WorldObject object : manifests) {
            declared.put(object.ref(), object);
        }
        List<Violation> violations = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<WorldObject> desired = new ArrayList<>();
        List<WorldObject> kept = new ArrayList<>();
        Set<ObjectRef> seen = new HashSet<>();

        for (WorldObject want : declared.values()) {
            seen.add(want.ref());
            Optional<WorldObject> have = live.get(want.ref());
            if (have.isEmpty()) {
                changes.add(
                        new Change(ChangeAction.CREATE, want.ref(), Optional.empty(), Optional.of(want), List.of()));
                desired.add(want);
                continue;
            }
            List<Violation> immutable = immutable(have.get(), want);
            if (!immutable.isEmpty()) {
                violations.addAll(immutable);
                desired.add(have.get());
                continue;
            }
            List<FieldChange> fields = have.get().equals(want) ? List.of() : fields(have.get(), want);
            changes.add(new Change(
                    fields.isEmpty() ? ChangeAction.UNCHANGED : ChangeAction.UPDATE,
                    want.ref(),
                    have,
                    Optional.of(want),
                    fields));
            desired.add(want);
        }
        for (WorldObject have : live.objects()) {
            if (seen.contains(have.ref())) {
                continue;
            }
            if (prunable.test(have)) {
                changes.add(
                        new Change(ChangeAction.DELETE, have.ref(), Optional.of(have), Optional.empty(), List.of()));
            } else {
                changes.add(new Change(ChangeAction.KEEP, have.ref(), Optional.of(have), Optional.empty(), List.of()));
                kept.add(have);
            }
        }
        changes.sort((a, b) -> a.ref().compareTo(b.ref()));
        return new Result(new ChangeSet(changes, worldOf(desired, kept, violations)), violations);
    }

    /**
     * The desired world. Two accounts with one sign-in name can meet here (a manifest account and a
     * kept live one); that is reported and the kept one left out, rather than failing.
     */
    private static World worldOf(List<WorldObject> declared, List<WorldObject> kept, List<Violation> violations) {
        Map<String, Account> keptAccounts = new TreeMap<>();
        for (WorldObject object : kept) {
            if (object instanceof Account a) {
                keptAccounts.put(a.key(), a);
            }
        }
        List<WorldObject> unique = new ArrayList<>(kept);
        for (WorldObject object : declared) {
            Account live = object instanceof Account a ? keptAccounts.get(a.key()) : null;
            if (live != null) {
                // The manifest's account is the one reported: it is the one the user can change.
                Account a = (Account) object;
                violations.add(Violation.error(
                        Codes.DUPLICATE_SIGN_IN_NAME,
                        a.ref(),
                        "/spec/signInName",
                        a.ref() + " uses sign-in name " + a.signInName() + ", which " + live.ref()
                                + " already has in the current state; delete that account (--prune) or keep its"
                                + " name " + live.name()));
                continue;
            }
            unique.add(object);
        }
        return World.of(unique);
    }

    private static List<Violation> immutable(WorldObject have, WorldObject want) {
        List<Violation> out = new ArrayList<>();
        switch (want.kind()) {
            case TENANT -> {
                Tenant h = (Tenant) have;
                Tenant w = (Tenant) want;
                if (!h.initialDomain().equals(w.initialDomain())) {
                    out.add(Violation.error(
                            Codes.INITIAL_DOMAIN_IMMUTABLE,
                            w.ref(),
                            "/spec/initialDomain",
                            "the initial domain of " + w.ref() + " is " + h.initialDomain()
                                    + " and can never change (asked: " + w.initialDomain() + ")"));
                }
            }
            case ACCOUNT -> {
                Account h = (Account) have;
                Account w = (Account) want;
                if (h.type() != w.type()) {
                    out.add(immutableField(
                            w.ref(),
                            "/spec/type",
                            h.type().manifestName(),
                            w.type().manifestName()));
                }
                if (!h.key().equals(w.key())) {
                    out.add(immutableField(w.ref(), "/spec/signInName", h.signInName(), w.signInName()));
                }
            }
            case SUBSCRIPTION -> {
                Subscription h = (Subscription) have;
                Subscription w = (Subscription) want;
                if (h.offer() != w.offer()) {
                    out.add(immutableField(
                            w.ref(),
                            "/spec/offer",
                            h.offer().manifestName(),
                            w.offer().manifestName()));
                } else if (!h.accountAdministrator().equals(w.accountAdministrator())) {
                    out.add(immutableField(
                            w.ref(),
                            "/spec/accountAdministrator",
                            h.accountAdministrator().orElse("(none)"),
                            w.accountAdministrator().orElse("(none)")));
                } else if (!h.offerId().equals(w.offerId())) {
                    out.add(immutableField(
                            w.ref(),
                            "/spec/offerId",
                            h.offerId().orElse("(none)"),
                            w.offerId().orElse("(none)")));
                }
                if (h.offer() == w.offer() && !h.isAzure() && !h.tenant().equals(w.tenant())) {
                    out.add(Violation.error(
                            Codes.OFFICE365_TRANSFER,
                            w.ref(),
                            "/spec/tenant",
                            "Office 365 subscription " + w.ref() + " is bound to Tenant/" + h.tenant()
                                    + " for life and cannot move to Tenant/" + w.tenant()));
                }
            }
        }
        return out;
    }

    private static Violation immutableField(ObjectRef ref, String pointer, String before, String after) {
        return Violation.error(
                Codes.IMMUTABLE_FIELD,
                ref,
                pointer,
                pointer.substring(pointer.lastIndexOf('/') + 1)
                        + " of " + ref + " is " + before + " and can never change (asked: " + after
                        + "); create a new object instead");
    }

    /** Field-level differences of two encodings of one object; null stands for "absent". */
    public static List<FieldChange> fields(WorldObject before, WorldObject after) {
        List<FieldChange> out = new ArrayList<>();
        ObjectNode b = before == null ? NODES.objectNode() : ManifestCodec.encode(before);
        ObjectNode a = after == null ? NODES.objectNode() : ManifestCodec.encode(after);
        compare(
                "/metadata/labels",
                b.path("metadata").path("labels"),
                a.path("metadata").path("labels"),
                out);
        compare(
                "/metadata/annotations",
                b.path("metadata").path("annotations"),
                a.path("metadata").path("annotations"),
                out);
        JsonNode bs = b.path("spec");
        JsonNode as = a.path("spec");
        TreeSet<String> names = new TreeSet<>();
        for (String name : bs.propertyNames()) {
            names.add(name);
        }
        for (String name : as.propertyNames()) {
            names.add(name);
        }
        for (String name : specOrder(a.isEmpty() ? b : a, names)) {
            compareValue("/spec/" + name, bs.path(name), as.path(name), out);
        }
        return out;
    }

    /** Spec fields in the order the codec writes them, so that diffs read like the manifest. */
    private static List<String> specOrder(ObjectNode manifest, Set<String> names) {
        List<String> ordered = new ArrayList<>();
        manifest.path("spec").propertyNames().forEach(n -> {
            if (names.contains(n)) {
                ordered.add(n);
            }
        });
        for (String n : names) {
            if (!ordered.contains(n)) {
                ordered.add(n);
            }
        }
        return ordered;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<FieldChange> out) {
        TreeSet<String> keys = new TreeSet<>();
        for (String key : before.propertyNames()) {
            keys.add(key);
        }
        for (String key : after.propertyNames()) {
            keys.add(key);
        }
        for (String key : keys) {
            compareValue(
                    path + "/" + key.replace("~", "~0").replace("/", "~1"), before.path(key), after.path(key), out);
        }
    }

    private static void compareValue(String path, JsonNode before, JsonNode after, List<FieldChange> out) {
        JsonNode b = before.isMissingNode() ? NODES.nullNode() : before;
        JsonNode a = after.isMissingNode() ? NODES.nullNode() : after;
        if (!b.equals(a)) {
            out.add(FieldChange.of(path, b, a));
        }
    }
}
