package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Subscription;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/**
 * {@code coadmin-limit}: at most 200 co-administrators, and the service administrator is not also
 * listed as one.
 */
public final class CoadminLimit implements Rule {

    public static final int MAX_CO_ADMINISTRATORS = 200;

    @Override
    public String code() {
        return Codes.COADMIN_LIMIT;
    }

    @Override
    public void checkSubscription(WorldView world, Subscription s, Consumer<Violation> out) {
        if (s.coAdministrators().size() > MAX_CO_ADMINISTRATORS) {
            out.accept(Violation.error(
                    code(),
                    s.ref(),
                    "/spec/coAdministrators",
                    s.ref() + " has " + s.coAdministrators().size() + " co-administrators; the limit is "
                            + MAX_CO_ADMINISTRATORS));
        }
        s.serviceAdministrator()
                .filter(s.coAdministrators()::contains)
                .ifPresent(sa -> out.accept(Violation.errorAt(
                        code(),
                        s.ref(),
                        "/spec/coAdministrators",
                        sa,
                        world.display(sa) + " is the service administrator of " + s.ref()
                                + " and cannot also be a co-administrator")));
    }
}
