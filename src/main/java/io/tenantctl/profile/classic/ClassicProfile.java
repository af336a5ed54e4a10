package io.tenantctl.profile.classic;

import io.tenantctl.diff.Change;
import io.tenantctl.profile.Profile;
import io.tenantctl.rules.CoadminLimit;
import io.tenantctl.rules.DomainConflict;
import io.tenantctl.rules.ForeignWorkAccount;
import io.tenantctl.rules.GlobalAdminCount;
import io.tenantctl.rules.MicrosoftAccountDomain;
import io.tenantctl.rules.NoGlobalAdmin;
import io.tenantctl.rules.PortalAccess;
import io.tenantctl.rules.RuleSet;
import io.tenantctl.rules.Scope;
import io.tenantctl.rules.ServiceAdminChoice;
import io.tenantctl.rules.SubscriptionAdminNotInTenant;
import io.tenantctl.rules.UnknownReference;
import io.tenantctl.rules.WorkAccountDomain;
import io.tenantctl.step.Authority;
import io.tenantctl.step.Refusal;
import io.tenantctl.step.Step;
import io.tenantctl.world.MutableWorld;
import io.tenantctl.world.WorldView;
import java.util.List;
import java.util.Optional;

/** The rules and steps of the seed's era; see the package documentation. */
public final class ClassicProfile implements Profile {

    public static final String NAME = "classic";

    private static final RuleSet RULES = new RuleSet(
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
            List.of(new GlobalAdminCount(), new PortalAccess()));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleSet rules() {
        return RULES;
    }

    @Override
    public List<Step> steps(Change change, WorldView live, WorldView desired) {
        return ClassicSteps.forChange(change, live, desired);
    }

    @Override
    public int priority(Step step) {
        return ClassicSteps.priority(step);
    }

    @Override
    public boolean isDone(Step step, WorldView world) {
        return ClassicSteps.isDone(step, world);
    }

    @Override
    public Optional<Refusal> precondition(Step step, WorldView world) {
        return ClassicSteps.precondition(step, world);
    }

    @Override
    public Authority authority(Step step, WorldView world) {
        return ClassicAuthority.of(step, world);
    }

    @Override
    public Step bind(Step step, Optional<String> actor, WorldView world) {
        return ClassicSteps.bind(step, actor, world);
    }

    @Override
    public Scope scope(Step step, WorldView world) {
        return ClassicSteps.scope(step, world);
    }

    @Override
    public List<String> apply(Step step, MutableWorld world) {
        return ClassicEffects.apply(step, world);
    }
}
