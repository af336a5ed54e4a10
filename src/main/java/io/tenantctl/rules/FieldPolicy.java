package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.world.WorldView;
import java.util.function.Consumer;

/**
 * Which fields of the one schema set an era uses. The schemas accept both profiles' fields (editors
 * use one set); each profile refuses the other era's fields and requires its own, at the line that
 * declares them: {@code classic-admin-retired} under {@code entra} (owners replaced the classic
 * administrators), {@code entra-only-field} under {@code classic}, and {@code required-field} for
 * what the classic era needs that the schema no longer says (under {@code entra}, a subscription
 * without owners is {@code no-owner}'s, a rule checked after every step too).
 *
 * <p>Checked on manifests (and the desired world) only: a step never adds a field of another era.
 */
public final class FieldPolicy implements Rule {

    /** The era whose fields are allowed. */
    public enum Era {
        CLASSIC,
        ENTRA
    }

    private final Era era;

    public FieldPolicy(Era era) {
        this.era = era;
    }

    @Override
    public String code() {
        return era == Era.CLASSIC ? Codes.ENTRA_ONLY_FIELD : Codes.CLASSIC_ADMIN_RETIRED;
    }

    @Override
    public void checkTenant(WorldView world, Tenant tenant, Consumer<Violation> out) {
        if (era == Era.CLASSIC && !tenant.guests().isEmpty()) {
            out.accept(entraOnly(
                    tenant.ref().toString(),
                    "guests",
                    tenant,
                    "guests (B2B users) exist in the entra"
                            + " world; under classic an account joins a tenant as a global administrator"));
        }
    }

    @Override
    public void checkSubscription(WorldView world, Subscription s, Consumer<Violation> out) {
        switch (era) {
            case CLASSIC -> {
                if (!s.owners().isEmpty()) {
                    out.accept(entraOnly(
                            s.ref().toString(),
                            "owners",
                            s,
                            "owners are Azure role assignments of the entra world; under classic the service"
                                    + " administrator and co-administrators hold a subscription"));
                }
                if (s.offerId().isPresent()) {
                    out.accept(entraOnly(
                            s.ref().toString(),
                            "offerId",
                            s,
                            "the offer id decides changes of" + " directory in the entra world"));
                }
                if (s.isAzure()) {
                    for (String field : new String[] {"accountAdministrator", "serviceAdministrator"}) {
                        boolean missing = field.equals("accountAdministrator")
                                ? s.accountAdministrator().isEmpty()
                                : s.serviceAdministrator().isEmpty();
                        if (missing) {
                            out.accept(Violation.error(
                                    Codes.REQUIRED_FIELD,
                                    s.ref(),
                                    "/spec",
                                    "spec: missing required field \"" + field + "\" (an Azure subscription needs"
                                            + " accountAdministrator and serviceAdministrator under the classic"
                                            + " profile)"));
                        }
                    }
                }
            }
            case ENTRA -> {
                String hint = "; classic administrators were retired on 2024-08-31 and converted to Owner role"
                        + " assignments: list the accounts under spec.owners instead";
                s.serviceAdministrator()
                        .ifPresent(sa -> out.accept(Violation.error(
                                Codes.CLASSIC_ADMIN_RETIRED,
                                s.ref(),
                                "/spec/serviceAdministrator",
                                s.ref() + " names a service administrator (" + sa + "), a role the entra profile"
                                        + " does not have" + hint)));
                if (!s.coAdministrators().isEmpty()) {
                    out.accept(Violation.error(
                            Codes.CLASSIC_ADMIN_RETIRED,
                            s.ref(),
                            "/spec/coAdministrators",
                            s.ref() + " names co-administrators, a role the entra profile does not have" + hint));
                }
                // owners, required of an Azure subscription under entra, are no-owner's: the same
                // condition holds after every step, and one problem is reported once
            }
        }
    }

    private static Violation entraOnly(String what, String field, WorldObject object, String why) {
        return Violation.error(
                Codes.ENTRA_ONLY_FIELD,
                object.ref(),
                "/spec/" + field,
                what + " sets " + field + ", a field of the entra profile, and the profile is classic (" + why
                        + "); remove it, or use a state created with --profile entra");
    }
}
