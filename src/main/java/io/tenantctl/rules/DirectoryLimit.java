package io.tenantctl.rules;

import io.tenantctl.diag.Codes;
import io.tenantctl.model.Account;
import io.tenantctl.model.ObjectRef;
import io.tenantctl.model.Tenant;
import io.tenantctl.world.WorldView;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code directory-limit}: a user is associated with at most so many directories, counting the
 * tenants it is a global administrator of (the seed's way of joining a directory, as its creator
 * or added to it) and, for a work or school account, its home tenant. The limit is the profile's:
 * 20 in the classic world (the rulebook's LIM-01, 2015), 500 later (LIM-01b).
 *
 * <p>Reported at the account; when only the state holds it, at its entry in the global
 * administrators of the first declared tenant that lists it.
 */
public final class DirectoryLimit implements Rule {

    private final int max;

    /** @param max the most directories one account may be associated with */
    public DirectoryLimit(int max) {
        this.max = max;
    }

    @Override
    public String code() {
        return Codes.DIRECTORY_LIMIT;
    }

    @Override
    public void checkAccount(WorldView world, Account account, Consumer<Violation> out) {
        Set<String> administered = world.tenantsAdministeredBy(account.key());
        if (administered.size() + 1 <= max) {
            return; // even with a home tenant besides, within the limit: the usual case, decided cheaply
        }
        TreeSet<String> directories = new TreeSet<>(administered);
        Optional<Tenant> home = world.homeTenant(account);
        home.ifPresent(t -> directories.add(t.name()));
        if (directories.size() <= max) {
            return;
        }
        String message = account.signInName() + " would be associated with " + directories.size() + " directories ("
                + "global administrator of " + administered.size()
                + home.map(t -> ", homed in " + t.ref()).orElse("") + "); the limit is " + max
                + " directories per user";
        List<Violation> entries = administered.stream()
                .sorted()
                .map(t -> Violation.errorAt(
                        code(), ObjectRef.tenant(t), "/spec/globalAdministrators", account.key(), message))
                .toList();
        out.accept(Violation.error(code(), account.ref(), "/spec/signInName", message)
                .orElse(entries));
    }

    @Override
    public void checkTenant(WorldView world, Tenant tenant, Consumer<Violation> out) {
        // A tenant that gains an administrator is checked after the step; so is that account.
        for (String admin : tenant.globalAdministrators()) {
            world.account(admin).ifPresent(a -> checkAccount(world, a, out));
        }
    }
}
