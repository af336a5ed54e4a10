package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Account;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code tenant-not-empty}: a tenant is deleted only when no subscription trusts it and none of
 * its work or school accounts remain. Checked on the desired world against the tenants a plan
 * deletes, so that the user reads why the deletion cannot happen rather than the dangling
 * references it would leave.
 */
public final class TenantNotEmpty {

    private TenantNotEmpty() {}

    /** What the desired world still holds in each tenant that is being deleted. */
    public static List<Violation> check(WorldView desired, Collection<Tenant> deleted) {
        List<Violation> out = new ArrayList<>();
        for (Tenant tenant : deleted) {
            for (Subscription s : desired.subscriptions()) {
                if (s.tenant().equals(tenant.name())) {
                    out.add(Violation.errorAt(
                            Codes.TENANT_NOT_EMPTY,
                            s.ref(),
                            "/spec/tenant",
                            s.tenant(),
                            tenant.ref() + " cannot be deleted while " + s.ref() + " trusts it; delete or move the"
                                    + " subscription too"));
                }
            }
            for (String domain : tenant.allDomains()) {
                for (String key : desired.accountsOnDomain(domain)) {
                    desired.account(key)
                            .filter(Account::isWorkOrSchool)
                            .ifPresent(a -> out.add(Violation.error(
                                    Codes.TENANT_NOT_EMPTY,
                                    a.ref(),
                                    "/spec/signInName",
                                    tenant.ref() + " cannot be deleted while its work or school account "
                                            + a.signInName() + " remains; delete the account too")));
                }
            }
        }
        return out;
    }
}
