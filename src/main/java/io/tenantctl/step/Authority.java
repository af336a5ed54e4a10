package io.tenantctl.step;

import java.util.List;

/**
 * Who may do a step at a given point: a description of the authority for people
 * ({@code global administrator of Tenant/contoso}) and the accounts that hold it now.
 *
 * @param anyone true for steps nobody in particular does (registering a Microsoft account)
 */
public record Authority(String description, List<String> holders, boolean anyone) {

    public Authority {
        // Holders found as they are asked for stay so; any other list is copied.
        holders = holders instanceof Holders ? holders : List.copyOf(holders);
    }

    public static Authority heldBy(String description, List<String> holders) {
        return new Authority(description, holders, false);
    }

    public static Authority anyone(String description) {
        return new Authority(description, List.of(), true);
    }
}
