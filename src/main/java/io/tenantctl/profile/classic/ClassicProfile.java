package io.tenantctl.profile.classic;

import io.tenantctl.profile.Limits;
import io.tenantctl.profile.Profile;
import io.tenantctl.profile.ProfileSource;
import io.tenantctl.rules.CoadminLimit;
import io.tenantctl.rules.DomainConflict;
import io.tenantctl.rules.FieldPolicy;
import io.tenantctl.rules.ForeignWorkAccount;
import io.tenantctl.rules.GlobalAdminCount;
import io.tenantctl.rules.MicrosoftAccountDomain;
import io.tenantctl.rules.NoGlobalAdmin;
import io.tenantctl.rules.PortalAccess;
import io.tenantctl.rules.RuleSet;
import io.tenantctl.rules.ServiceAdminChoice;
import io.tenantctl.rules.SubscriptionAdminNotInTenant;
import io.tenantctl.rules.UnknownReference;
import io.tenantctl.rules.WorkAccountDomain;
import java.util.List;

/** The rules and steps of the seed's era, put together; see the package documentation. */
public final class ClassicProfile implements ProfileSource {

    public static final String NAME = "classic";

    /** The nine invariants of DESIGN.md 1.1, the two warnings, and the classic era's fields. */
    public static final RuleSet RULES = new RuleSet(
            List.of(
                    new UnknownReference(),
                    new DomainConflict(),
                    new WorkAccountDomain(),
                    new MicrosoftAccountDomain(),
                    new NoGlobalAdmin(),
                    new ForeignWorkAccount(),
                    new SubscriptionAdminNotInTenant(),
                    new CoadminLimit(),
                    new ServiceAdminChoice()),
            List.of(new GlobalAdminCount(), new PortalAccess()),
            List.of(new FieldPolicy(FieldPolicy.Era.CLASSIC)));

    /** LIM-06 (200 co-administrators) and LIM-01 (an account in at most 20 directories) of the rulebook. */
    public static final Limits LIMITS = new Limits(200, 20);

    public static final Profile PROFILE = new Profile(
            NAME,
            RULES,
            new ClassicSteps(),
            new ClassicPreconditions(),
            new ClassicAuthority(),
            new ClassicEffects(),
            LIMITS);

    @Override
    public Profile profile() {
        return PROFILE;
    }
}
