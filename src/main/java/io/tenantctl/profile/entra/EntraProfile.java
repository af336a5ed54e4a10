package io.tenantctl.profile.entra;

import io.tenantctl.profile.Limits;
import io.tenantctl.profile.Profile;
import io.tenantctl.profile.ProfileSource;
import io.tenantctl.rules.DirectoryLimit;
import io.tenantctl.rules.DomainConflict;
import io.tenantctl.rules.DomainLimit;
import io.tenantctl.rules.FieldPolicy;
import io.tenantctl.rules.GlobalAdminCount;
import io.tenantctl.rules.GuestPending;
import io.tenantctl.rules.GuestRequired;
import io.tenantctl.rules.MicrosoftAccountDomain;
import io.tenantctl.rules.NoGlobalAdmin;
import io.tenantctl.rules.NoOwner;
import io.tenantctl.rules.OwnerLimit;
import io.tenantctl.rules.OwnerNotInTenant;
import io.tenantctl.rules.RuleSet;
import io.tenantctl.rules.UnknownReference;
import io.tenantctl.rules.WorkAccountDomain;
import java.util.List;

/** Today's world (DESIGN.md 8): Entra ID tenants, B2B guests, Azure role assignments; see the package documentation. */
public final class EntraProfile implements ProfileSource {

    public static final String NAME = "entra";

    /**
     * The rules of 1.1 that still hold, and instead of the classic administrators' rules the guest
     * and owner rules; the limits of LIM-01b (500 tenants as member or guest), LIM-04 (5,000 custom
     * domains) and LIM-11 (4,000 role assignments per subscription); no {@code portal-access}.
     */
    public static final RuleSet RULES = new RuleSet(
            List.of(
                    new UnknownReference(),
                    new DomainConflict(),
                    new WorkAccountDomain(),
                    new MicrosoftAccountDomain(),
                    new NoGlobalAdmin(),
                    new GuestRequired(),
                    new GuestPending(),
                    new OwnerNotInTenant(),
                    new NoOwner(),
                    new DirectoryLimit(500),
                    new DomainLimit(5_000),
                    new OwnerLimit(4_000)),
            List.of(new GlobalAdminCount()),
            List.of(new FieldPolicy(FieldPolicy.Era.ENTRA)));

    /** No co-administrators (retired); an account in at most 500 tenants (LIM-01b). */
    public static final Limits LIMITS = new Limits(0, 500);

    public static final Profile PROFILE = new Profile(
            NAME, RULES, new EntraSteps(), new EntraPreconditions(), new EntraAuthority(), new EntraEffects(), LIMITS);

    @Override
    public Profile profile() {
        return PROFILE;
    }
}
