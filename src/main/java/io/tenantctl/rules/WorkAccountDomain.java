package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Account;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/** {@code work-account-domain}: a work or school account's domain is a domain of some tenant, its home. */
public final class WorkAccountDomain implements Rule {

    @Override
    public String code() {
        return Codes.WORK_ACCOUNT_DOMAIN;
    }

    @Override
    public void checkAccount(WorldView world, Account account, Consumer<Violation> out) {
        if (account.isWorkOrSchool() && world.domainOwners(account.domain()).isEmpty()) {
            out.accept(Violation.error(
                    code(),
                    account.ref(),
                    "/spec/signInName",
                    "work or school account " + account.signInName() + " has no home tenant: no tenant has the domain "
                            + account.domain()));
        }
    }
}
