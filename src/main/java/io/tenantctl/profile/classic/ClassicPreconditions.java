package io.tenantctl.profile.classic;

import io.tenantctl.diag.Codes;
import io.tenantctl.diff.ChangeSet;
import io.tenantctl.model.Account;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.Preconditions;
import io.tenantctl.rules.Violation;
import io.tenantctl.step.Refusal;
import io.tenantctl.step.Step;
import io.tenantctl.world.WorldView;
import java.util.List;
import java.util.Optional;

/**
 * What must hold before each classic step, whoever does it: the objects it acts on exist (or do not
 * yet), an initial domain stays, an Office 365 subscription stays in its tenant, a tenant is empty
 * before it is deleted.
 */
public final class ClassicPreconditions implements Preconditions {

    @Override
    public Optional<Refusal> check(Step step, WorldView world) {
        ObjectRef target = step.target();
        Optional<WorldObject> current = world.get(target);
        switch (ClassicOp.of(step)) {
            case CREATE_TENANT, CREATE_SUBSCRIPTION -> {
                if (current.isPresent()) {
                    return refuse(Codes.DUPLICATE_OBJECT, target + " already exists");
                }
                if (step.op() == ClassicOp.CREATE_SUBSCRIPTION) {
                    Subscription s = (Subscription) step.object().orElseThrow();
                    if (world.tenant(s.tenant()).isEmpty()) {
                        return refuse(Codes.UNKNOWN_REFERENCE, "Tenant/" + s.tenant() + " does not exist yet");
                    }
                    if (s.accountAdministrator().isPresent()
                            && world.account(s.accountAdministrator().get()).isEmpty()) {
                        return refuse(
                                Codes.UNKNOWN_REFERENCE,
                                "account administrator "
                                        + s.accountAdministrator().get() + " does not exist yet");
                    }
                }
                return Optional.empty();
            }
            case CREATE_ACCOUNT -> {
                Account a = (Account) step.object().orElseThrow();
                if (current.isPresent()) {
                    return refuse(Codes.DUPLICATE_OBJECT, target + " already exists");
                }
                Optional<Account> clash = world.account(a.key());
                if (clash.isPresent()) {
                    return refuse(
                            Codes.DUPLICATE_SIGN_IN_NAME,
                            "sign-in name " + a.signInName() + " is still used by "
                                    + clash.get().ref());
                }
                return Optional.empty();
            }
            default -> {
                // every other step acts on an existing object
            }
        }
        if (current.isEmpty()) {
            return refuse(Codes.UNKNOWN_REFERENCE, target + " does not exist at this point");
        }
        switch (ClassicOp.of(step)) {
            case ADD_GLOBAL_ADMIN, ADD_CO_ADMIN, SET_SERVICE_ADMIN -> {
                String account = step.accountKey().orElseThrow();
                if (world.account(account).isEmpty()) {
                    return refuse(Codes.UNKNOWN_REFERENCE, "account " + account + " does not exist at this point");
                }
            }
            case REMOVE_DOMAIN -> {
                Tenant t = (Tenant) current.get();
                if (t.initialDomain().equals(step.domain().orElseThrow())) {
                    return refuse(
                            Codes.INITIAL_DOMAIN_IMMUTABLE, "the initial domain of " + target + " cannot be removed");
                }
            }
            case TRANSFER_SUBSCRIPTION -> {
                Subscription s = (Subscription) current.get();
                if (!s.isAzure()) {
                    return refuse(
                            Codes.OFFICE365_TRANSFER,
                            "Office 365 subscription " + target + " is bound to Tenant/" + s.tenant() + " for life");
                }
                if (world.tenant(step.to().orElseThrow()).isEmpty()) {
                    return refuse(Codes.UNKNOWN_REFERENCE, "Tenant/" + step.to().get() + " does not exist yet");
                }
            }
            case DELETE_TENANT -> {
                return TenantNotEmpty.refusal((Tenant) current.get(), world);
            }
            default -> {
                // no further precondition
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(new Refusal(code, message));
    }

    @Override
    public List<Violation> ofChanges(ChangeSet changes) {
        return TenantNotEmpty.ofChanges(changes);
    }
}
