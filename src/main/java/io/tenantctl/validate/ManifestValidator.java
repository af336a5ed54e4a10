package io.tenantctl.validate;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.diag.Diagnostics;
import io.tenantctl.diag.Silenced;
import io.tenantctl.load.Document;
import io.tenantctl.load.LoadResult;
import io.tenantctl.load.SourceMap;
import io.tenantctl.model.Account;
import io.tenantctl.model.ManifestCodec;
import io.tenantctl.model.Names;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.rules.RuleSet;
import io.tenantctl.rules.Violation;
import io.tenantctl.world.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    public record Result(DesiredState desired, Diagnostics diagnostics) {}

    public Result validate(LoadResult loaded) {
        return assemble(
                loaded.diagnostics(),
                loaded.documents().parallelStream().map(this::check).toList());
    }

    /**
     * One document after its schema check and binding: the object, or the problems; and where it
     * is written. The document's tree is not kept, so that a large run holds only the source maps.
     *
     * @param names for a document that failed its schema, the names it declares, as far as they
     *              can be read: references to them are not reported again as unknown
     */
    public record Checked(
            SourceMap sourceMap,
            Optional<WorldObject> object,
            List<Diagnostic> problems,
            Set<String> names,
            Map<String, String> spellings) {}

    /** Checks one document on its own; safe to call from several threads. */
    public Checked check(Document document) {
        List<Diagnostic> problems = schemas.validate(document);
        if (problems.isEmpty()) {
            try {
                WorldObject object = ManifestCodec.decode(document.root());
                if (object instanceof Tenant tenant) {
                    CustomDomains.Checked domains = CustomDomains.check(tenant, document);
                    object = domains.tenant();
                    problems = domains.problems();
                }
                List<Diagnostic> silencing = Silencing.check(object, document.sourceMap());
                if (!silencing.isEmpty()) {
                    problems = new ArrayList<>(problems);
                    problems.addAll(silencing);
                }
                return new Checked(
                        document.sourceMap(), Optional.of(object), problems, Set.of(), Spellings.of(document.root()));
            } catch (IllegalArgumentException e) {
                problems = List.of(
                        Diagnostic.error(Codes.SCHEMA, "cannot read manifest: " + e.getMessage(), document.location()));
            }
        }
        Set<String> names = new HashSet<>();
        JsonNode name = document.root().path("metadata").path("name");
        if (name.isString()) {
            names.add(name.stringValue());
        }
        JsonNode signIn = document.root().path("spec").path("signInName");
        if (signIn.isString()) {
            names.add(Names.key(signIn.stringValue()));
        }
        return new Checked(document.sourceMap(), Optional.empty(), problems, names, Map.of());
    }

    /**
     * Puts checked documents together, in order: the first declaration of a name wins; each later
     * one is reported where it is written, naming where the first one is.
     */
    public Result assemble(List<Diagnostic> loadProblems, List<Checked> checked) {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.addAll(loadProblems);
        Origins origins = new Origins();
        List<WorldObject> objects = new ArrayList<>();
        Map<ObjectRef, SourceMap> byRef = new HashMap<>();
        Map<String, Account> bySignIn = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        for (Checked c : checked) {
            SourceMap map = c.sourceMap();
            diagnostics.addAll(c.problems());
            unreadable.addAll(c.names());
            if (c.object().isEmpty()) {
                continue;
            }
            WorldObject object = c.object().get();
            SourceMap first = byRef.putIfAbsent(object.ref(), map);
            if (first != null) {
                diagnostics.add(Diagnostic.error(
                        Codes.DUPLICATE_OBJECT,
                        object.ref() + " is declared twice; the first" + " declaration is at "
                                + first.locateValue("/metadata/name"),
                        map.locateValue("/metadata/name")));
                continue;
            }
            if (object instanceof Account account) {
                Account clash = bySignIn.putIfAbsent(account.key(), account);
                if (clash != null) {
                    diagnostics.add(Diagnostic.error(
                            Codes.DUPLICATE_SIGN_IN_NAME,
                            account.ref() + " uses sign-in name "
                                    + account.signInName() + ", which is already used by " + clash.ref() + " (at "
                                    + byRef.get(clash.ref()).locateValue("/spec/signInName")
                                    + "); sign-in names compare case-insensitively",
                            map.locateValue("/spec/signInName")));
                    byRef.remove(object.ref(), map);
                    continue;
                }
            }
            origins.put(object.ref(), map, c.spellings(), Silencing.annotated(object));
            if (object instanceof Account account) {
                origins.account(account.signInName());
            }
            objects.add(object);
        }
        return new Result(new DesiredState(objects, origins, unreadable), diagnostics);
    }

    /**
     * Every rule and piece of advice of a rule set, on the manifests alone; the warnings an
     * object's annotation silences are counted, not shown.
     */
    public static Located checkRules(RuleSet rules, DesiredState desired) {
        return locate(rules.checkAll(World.of(desired.objects())), desired);
    }

    /** Located diagnostics, and the warnings that the annotations of the objects they concern silenced. */
    public record Located(Diagnostics diagnostics, Silenced silenced) {}

    /**
     * Located diagnostics for violations, leaving out the unknown references that only point at
     * manifests which already failed their schema (they are reported once, there), and counting
     * apart the warnings silenced by the annotation {@code tenantctl.io/ignore-warnings} of the
     * object where each would be shown.
     */
    public static Located locate(List<Violation> violations, DesiredState desired) {
        Diagnostics diagnostics = new Diagnostics();
        Diagnostics silenced = new Diagnostics();
        for (Violation v : violations) {
            boolean cascade = v.code().equals(Codes.UNKNOWN_REFERENCE)
                    && v.element().map(desired.unreadable()::contains).orElse(false);
            if (!cascade) {
                (desired.origins().silenced(v) ? silenced : diagnostics)
                        .add(desired.origins().toDiagnostic(v));
            }
        }
        return new Located(diagnostics, Silenced.of(silenced.sorted()));
    }
}
