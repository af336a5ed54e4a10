package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Account;
import io.tenantctl.world.WorldView;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code microsoft-account-domain}: a Microsoft account's domain is no tenant's domain, because the
 * same sign-in name would then mean two identities.
 */
public final class MicrosoftAccountDomain implements Rule {

    @Override
    public String code() {
        return Codes.MICROSOFT_ACCOUNT_DOMAIN;
    }

    @Override
    public void checkAccount(WorldView world, Account account, Consumer<Violation> out) {
        if (!account.isMicrosoftAccount()) {
            return;
        }
        Set<String> owners = world.domainOwners(account.domain());
        if (!owners.isEmpty()) {
            out.accept(Violation.error(
                    code(),
                    account.ref(),
                    "/spec/signInName",
                    "Microsoft account " + account.signInName() + " is on domain " + account.domain()
                            + ", which belongs to Tenant/" + new TreeSet<>(owners).first()
                            + "; the same name would be both a Microsoft account and a work or school account"));
        }
    }
}
