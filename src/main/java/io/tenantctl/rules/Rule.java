package io.tenantctl.rules;

import io.tenantctl.model.Account;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/**
 * One rule of the world. It is asked about one object at a time and reports what is wrong with
 * that object; it never looks for objects on its own, so that a {@link Scope} decides the cost.
 */
public interface Rule {

    /** The stable code its diagnostics carry. */
    String code();

    default void checkTenant(WorldView world, Tenant tenant, Consumer<Violation> out) {}

    default void checkAccount(WorldView world, Account account, Consumer<Violation> out) {}

    default void checkSubscription(WorldView world, Subscription subscription, Consumer<Violation> out) {}

    /**
     * As {@link #checkSubscription}, where only the role of one account changed ({@link
     * Scope#subscriptionMember}). A rule that judges each co-administrator (or owner) on its own may
     * leave out what it says of the others, which the change cannot have altered; every other rule
     * checks the subscription whole, as by default.
     */
    default void checkSubscriptionMember(
            WorldView world, Subscription subscription, String account, Consumer<Violation> out) {
        checkSubscription(world, subscription, out);
    }
}
