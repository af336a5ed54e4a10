package io.tenantctl.validate;

import io.tenantctl.diag.Codes;
import io.tenantctl.diag.Diagnostic;
import io.tenantctl.load.Document;
import io.tenantctl.model.Names;
import io.tenantctl.model.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * {@code onmicrosoft-custom-domain}: {@code spec.domains} lists custom domains only. A tenant's own
 * initial domain there could never be taken out of the list again (an initial domain is never
 * removed), and any other {@code *.onmicrosoft.com} name is the initial domain of some tenant,
 * never a custom domain. This holds in every era, so it is checked here, on the manifest alone,
 * rather than by a profile's rules.
 *
 * <p>Each such entry is reported where it is written and left out of the tenant, so that the rest
 * of the checks do not report it again as a domain conflict.
 */
final class CustomDomains {

    private static final String ONMICROSOFT = ".onmicrosoft.com";

    private CustomDomains() {}

    /** The tenant without the entries it may not list, and a diagnostic for each. */
    record Checked(Tenant tenant, List<Diagnostic> problems) {}

    static Checked check(Tenant tenant, Document document) {
        JsonNode domains = document.root().path("spec").path("domains");
        List<Diagnostic> problems = new ArrayList<>();
        TreeSet<String> kept = new TreeSet<>(tenant.domains());
        for (int i = 0; i < domains.size(); i++) {
            String written = domains.get(i).asString("");
            String key = Names.key(written);
            String message;
            if (key.equals(tenant.initialDomain())) {
                message = written + " is the initial domain of " + tenant.ref() + " (spec.initialDomain);"
                        + " spec.domains lists custom domains only, and an initial domain listed there could"
                        + " never be removed from it again: remove this entry";
            } else if (key.endsWith(ONMICROSOFT)) {
                message = written + " is an onmicrosoft.com name, which only a tenant's initial domain can be;"
                        + " a custom domain is a domain of your own, such as contoso.com: remove this entry";
            } else {
                continue;
            }
            problems.add(Diagnostic.error(
                    Codes.ONMICROSOFT_CUSTOM_DOMAIN, message, document.locateValue("/spec/domains/" + i)));
            kept.remove(key);
        }
        return problems.isEmpty() ? new Checked(tenant, List.of()) : new Checked(tenant.withDomains(kept), problems);
    }
}
