package io.tenantctl.step;

/**
 * An administrator role an account can hold on an object ({@code global administrator} of a
 * tenant, {@code service administrator} of a subscription). Each profile names its own roles.
 */
public record Role(String name) {

    @Override
    public String toString() {
        return name;
    }
}
