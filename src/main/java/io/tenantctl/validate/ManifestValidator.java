package io.tenantctl.validate;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Diagnostics;
import io.tenantctl.load.Document;
import io.tenantctl.load.LoadResult;
import io.tenantctl.model.Account;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.WorldObject;
import io.tenantctl.rules.Codes;
import io.tenantctl.rules.RuleSet;
import io.tenantctl.world.World;
import io.tenantctl.model.Names;
import io.tenantctl.rules.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Documents to desired objects: schema, binding, and the checks that need all manifests at once
 * ({@code duplicate-object}, {@code duplicate-sign-in-name}). The first declaration of a name
 * wins; each later one is reported where it is written, naming where the first one is.
 */
public final class ManifestValidator {

    private final SchemaValidator schemas;

    public ManifestValidator(SchemaValidator schemas) {
        this.schemas = schemas;
    }

    /** The desired objects and every problem found on the way. */
    public record Result(DesiredState desired, Diagnostics diagnostics) {
    }

    public Result validate(LoadResult loaded) {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.addAll(loaded.diagnostics());
        Origins origins = new Origins();
        List<WorldObject> objects = new ArrayList<>();
        Map<ObjectRef, Document> byRef = new HashMap<>();
        Map<String, Account> bySignIn = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        // Each document is checked and bound on its own, in parallel; duplicates need them all, in order.
        List<Checked> checked = loaded.documents().parallelStream().map(this::check).toList();
        for (Checked c : checked) {
            Document document = c.document();
            if (!c.problems().isEmpty()) {
                diagnostics.addAll(c.problems());
                if (c.object() == null) {
                    rememberNames(document, unreadable);
                }
                continue;
            }
            WorldObject object = c.object();
            Document first = byRef.putIfAbsent(object.ref(), document);
            if (first != null) {
                diagnostics.add(Diagnostic.error(Codes.DUPLICATE_OBJECT, object.ref() + " is declared twice; the first"
                        + " declaration is at " + first.locateValue("/metadata/name"), document.locateValue("/metadata/name")));
                continue;
            }
            if (object instanceof Account account) {
                Account clash = bySignIn.putIfAbsent(account.key(), account);
                if (clash != null) {
                    diagnostics.add(Diagnostic.error(Codes.DUPLICATE_SIGN_IN_NAME, account.ref() + " uses sign-in name "
                            + account.signInName() + ", which is already used by " + clash.ref() + " (at "
                            + byRef.get(clash.ref()).locateValue("/spec/signInName")
                            + "); sign-in names compare case-insensitively",
                            document.locateValue("/spec/signInName")));
                    byRef.remove(object.ref(), document);
                    continue;
                }
            }
            origins.put(object.ref(), document);
            objects.add(object);
        }
        return new Result(new DesiredState(objects, origins, unreadable), diagnostics);
    }

    /** One document after its schema check and binding: the object, or the problems. */
    private record Checked(Document document, WorldObject object, List<Diagnostic> problems) {
    }

    private Checked check(Document document) {
        List<Diagnostic> problems = schemas.validate(document);
        if (!problems.isEmpty()) {
            return new Checked(document, null, problems);
        }
        try {
            return new Checked(document, ManifestCodec.decode(document.root()), List.of());
        } catch (IllegalArgumentException e) {
            return new Checked(document, null, List.of(Diagnostic.error(Codes.SCHEMA, "cannot read manifest: "
                    + e.getMessage(), document.location())));
        }
    }

    private static void rememberNames(Document document, Set<String> unreadable) {
        JsonNode name = document.root().path("metadata").path("name");
        if (name.isString()) {
            unreadable.add(name.stringValue());
        }
        JsonNode signIn = document.root().path("spec").path("signInName");
        if (signIn.isString()) {
            unreadable.add(Names.key(signIn.stringValue()));
        }
    }

    /** Every rule and piece of advice of a rule set, on the manifests alone. */
    public static Diagnostics checkRules(RuleSet rules, DesiredState desired) {
        return locate(rules.checkAll(World.of(desired.objects())), desired);
    }

    /**
     * Located diagnostics for violations, leaving out the unknown references that only point at
     * manifests which already failed their schema (they are reported once, there).
     */
    public static Diagnostics locate(List<Violation> violations, DesiredState desired) {
        Diagnostics diagnostics = new Diagnostics();
        for (Violation v : violations) {
            boolean cascade = v.code().equals(Codes.UNKNOWN_REFERENCE)
                    && v.element().map(desired.unreadable()::contains).orElse(false);
            if (!cascade) {
                diagnostics.add(desired.origins().toDiagnostic(v));
            }
        }
        return diagnostics;
    }
}
