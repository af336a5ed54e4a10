package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Subscription;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/**
 * {@code no-owner} (entra): an Azure subscription always has an owner, after every step; so an owner
 * is replaced by adding the new one before removing the old. In manifests, {@code spec.owners} is
 * required of an Azure subscription.
 */
public final class NoOwner implements Rule {

    @Override
    public String code() {
        return Codes.NO_OWNER;
    }

    @Override
    public void checkSubscription(WorldView world, Subscription s, Consumer<Violation> out) {
        if (s.isAzure() && s.owners().isEmpty()) {
            out.accept(Violation.error(
                    code(),
                    s.ref(),
                    "/spec/owners",
                    s.ref() + " would have no owner; an Azure subscription needs at least one (spec.owners)"));
        }
    }
}
