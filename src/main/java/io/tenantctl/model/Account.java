package io.tenantctl.model;

import java.util.Optional;

/**
 * An identity. Accounts are referred to by sign-in name everywhere; {@link #key()} is the
 * normalised form those references use, {@link #signInName()} the form that was declared.
 */
public record Account(Metadata metadata, AccountType type, String signInName, Optional<String> displayName)
        implements WorldObject {

    @Override
    public Kind kind() {
        return Kind.ACCOUNT;
    }

    @Override
    public Account withoutStatus() {
        return this;
    }

    public String key() {
        return Names.key(signInName);
    }

    /** The normalised domain of the sign-in name. */
    public String domain() {
        return Names.domainOf(signInName);
    }

    public boolean isWorkOrSchool() {
        return type == AccountType.WORK_OR_SCHOOL;
    }

    public boolean isMicrosoftAccount() {
        return type == AccountType.MICROSOFT_ACCOUNT;
    }

    public Account withDescription(Metadata newMetadata, Optional<String> newDisplayName) {
        return new Account(newMetadata, type, signInName, newDisplayName);
    }
}
