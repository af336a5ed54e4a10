package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Account;
import io.tenantctl.model.Subscription;
import io.tenantctl.world.WorldView;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code service-admin-choice}: an account administrator signed in with a Microsoft account may
 * name only a Microsoft account as service administrator; one signed in with a work or school
 * account may name a Microsoft account or a work or school account of the subscription's tenant.
 */
public final class ServiceAdminChoice implements Rule {

    @Override
    public String code() {
        return Codes.SERVICE_ADMIN_CHOICE;
    }

    @Override
    public void checkSubscription(WorldView world, Subscription s, Consumer<Violation> out) {
        if (!s.isAzure()
                || s.accountAdministrator().isEmpty()
                || s.serviceAdministrator().isEmpty()
                || world.tenant(s.tenant()).isEmpty()) {
            return; // a missing tenant is unknown-reference's to report
        }
        Optional<Account> aa = world.account(s.accountAdministrator().get());
        Optional<Account> sa = world.account(s.serviceAdministrator().get());
        if (aa.isEmpty() || sa.isEmpty() || sa.get().isMicrosoftAccount()) {
            return;
        }
        if (aa.get().isMicrosoftAccount()) {
            out.accept(Violation.error(
                    code(),
                    s.ref(),
                    "/spec/serviceAdministrator",
                    "account administrator " + aa.get().signInName() + " is a Microsoft account and may name only a"
                            + " Microsoft account as service administrator, not "
                            + sa.get().signInName()));
        } else if (!world.isHomedIn(sa.get(), s.tenant())) {
            out.accept(Violation.error(
                    code(),
                    s.ref(),
                    "/spec/serviceAdministrator",
                    "account administrator " + aa.get().signInName()
                            + " may name a Microsoft account or a work or school"
                            + " account of Tenant/" + s.tenant() + " as service administrator, not "
                            + sa.get().signInName()));
        }
    }
}
