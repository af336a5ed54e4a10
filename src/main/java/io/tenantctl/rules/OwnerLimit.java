package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Subscription;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/** {@code owner-limit} (entra): at most so many role assignments on one subscription (the rulebook's LIM-11). */
public final class OwnerLimit implements Rule {

    private final int max;

    public OwnerLimit(int max) {
        this.max = max;
    }

    @Override
    public String code() {
        return Codes.OWNER_LIMIT;
    }

    @Override
    public void checkSubscription(WorldView world, Subscription s, Consumer<Violation> out) {
        if (s.owners().size() > max) {
            out.accept(Violation.error(
                    code(),
                    s.ref(),
                    "/spec/owners",
                    s.ref() + " would have " + s.owners().size() + " owners; the limit is " + max
                            + " role assignments per subscription"));
        }
    }
}
