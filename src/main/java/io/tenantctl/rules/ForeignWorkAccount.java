package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Account;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code foreign-work-account}: a work or school account can only be authenticated by its home
 * tenant, so it is a global administrator of that tenant only.
 */
public final class ForeignWorkAccount implements Rule {

    @Override
    public String code() {
        return Codes.FOREIGN_WORK_ACCOUNT;
    }

    @Override
    public void checkTenant(WorldView world, Tenant tenant, Consumer<Violation> out) {
        for (String admin : tenant.globalAdministrators()) {
            Optional<Account> account = world.account(admin).filter(Account::isWorkOrSchool);
            if (account.isEmpty()) {
                continue;
            }
            Optional<Tenant> home = world.homeTenant(account.get());
            if (home.isPresent() && !home.get().name().equals(tenant.name())) {
                out.accept(Violation.errorAt(
                        code(),
                        tenant.ref(),
                        "/spec/globalAdministrators",
                        admin,
                        "work or school account " + account.get().signInName() + " is homed in "
                                + home.get().ref()
                                + " and cannot be a global administrator of " + tenant.ref()
                                + "; use a Microsoft account or an account of this tenant"));
            }
        }
    }
}
