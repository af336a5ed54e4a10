package io.tenantctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.diag.Diagnostic;
import io.tenantctl.load.Limits;
import io.tenantctl.load.LoadResult;
import io.tenantctl.load.ManifestLoader;
import io.tenantctl.load.WorkingTree;
import io.tenantctl.testing.ManifestSet;
import io.tenantctl.testing.ValidateRun;
import io.tenantctl.testing.ValidateRun.Diag;
import io.tenantctl.validate.ManifestValidator;
import io.tenantctl.validate.SchemaValidator;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of the classic world that differ by era, as rules a profile chooses with its own
 * values: {@code directory-limit} (20 directories per user, the rulebook's LIM-01) and
 * {@code domain-limit} (900 custom domains per tenant, LIM-04). The schema caps custom domains
 * only at 5,000, which no era exceeds. The rules are run here as the classic values make them,
 * through the same loading, binding and locating as {@code validate}.
 */
class LimitRulesTest {

    private static final RuleSet CLASSIC_LIMITS =
            new RuleSet(List.of(new DirectoryLimit(20), new DomainLimit(900)), List.of());

    @TempDir
    Path dir;

    @Test
    void twentyDirectoriesAreAllowed() {
        assertThat(check(administeredBy("Pat@Outlook.com", 20))).isEmpty();
    }

    @Test
    void twentyOneDirectoriesAreOneTooMany() {
        assertThat(check(administeredBy("Pat@Outlook.com", 21)))
                .containsExactly(new Diag(
                        "error",
                        "directory-limit",
                        "Pat@Outlook.com would be associated with 21 directories (global administrator of 21); the"
                                + " limit is 20 directories per user",
                        "account-pat.yaml:6:15"));
    }

    @Test
    void aTenantWithMoreThanNineHundredCustomDomainsIsRefusedAtItsList() {
        ManifestSet w = ManifestSet.empty();
        w.account("pat").microsoft("pat@outlook.com");
        w.tenant("big")
                .displayName("Big")
                .initialDomain("big.onmicrosoft.com")
                .domains(domains(901))
                .admins("pat@outlook.com");

        assertThat(check(w))
                .containsExactly(new Diag(
                        "error",
                        "domain-limit",
                        "Tenant/big would have 901 custom domains; the limit is 900 per tenant",
                        "tenant-big.yaml:9:3"));

        w.tenant("big").domains(domains(900));
        assertThat(check(w)).isEmpty();
    }

    @Test
    void theSchemaCapsCustomDomainsOnlyWhereNoEraGoes() {
        ManifestSet w = ManifestSet.empty();
        w.account("pat").microsoft("pat@outlook.com");
        w.tenant("big")
                .displayName("Big")
                .initialDomain("big.onmicrosoft.com")
                .domains(domains(5000))
                .admins("pat@outlook.com", "sam@outlook.com");
        w.account("sam").microsoft("sam@outlook.com");
        assertThat(ValidateRun.validate(w.writeTo(dir.resolve("5000"))).withCode("schema"))
                .isEmpty();

        w.tenant("big").domains(domains(5001));
        assertThat(ValidateRun.validate(w.writeTo(dir.resolve("5001"))).withCode("schema"))
                .containsExactly(new Diag(
                        "error", "schema", "spec.domains: 5001 entries; at most 5000 allowed", "tenant-big.yaml:9:3"));
    }

    /** A Microsoft account that is the global administrator of so many tenants. */
    private static ManifestSet administeredBy(String account, int tenants) {
        ManifestSet w = ManifestSet.empty();
        w.account("pat").microsoft(account);
        IntStream.rangeClosed(1, tenants)
                .forEach(i -> w.tenant("t" + i)
                        .displayName("T" + i)
                        .initialDomain("t" + i + ".onmicrosoft.com")
                        .admins("pat@outlook.com"));
        return w;
    }

    private static String[] domains(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "d" + i + ".example.com")
                .toArray(String[]::new);
    }

    /** The limit rules' located diagnostics, after the manifests loaded and bound without a problem. */
    private List<Diag> check(ManifestSet w) {
        Path root = w.writeTo(dir.resolve("run" + System.nanoTime()));
        LoadResult loaded = new ManifestLoader(Limits.DEFAULT)
                .load(new WorkingTree(Limits.DEFAULT, InputStream::nullInputStream).read(List.of(root.toString())));
        ManifestValidator.Result result = new ManifestValidator(new SchemaValidator()).validate(loaded);
        assertThat(result.diagnostics().sorted()).isEmpty();
        String prefix = root + "/";
        return ManifestValidator.checkRules(CLASSIC_LIMITS, result.desired()).diagnostics().sorted().stream()
                .map((Diagnostic d) -> new Diag(
                        d.severity().label(),
                        d.code(),
                        d.message(),
                        d.location().toString().replace(prefix, "")))
                .toList();
    }
}
