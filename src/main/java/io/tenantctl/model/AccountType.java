package io.tenantctl.model;

import java.util.Optional;

/** The two kinds of identity of the classic model. */
public enum AccountType {
    /** A personal identity (msmith@hotmail.com) that exists outside every tenant. */
    MICROSOFT_ACCOUNT("MicrosoftAccount"),
    /** An identity that lives in the one tenant owning the domain of its sign-in name. */
    WORK_OR_SCHOOL("WorkOrSchool");

    private final String manifestName;

    AccountType(String manifestName) {
        this.manifestName = manifestName;
    }

    public String manifestName() {
        return manifestName;
    }

    public static Optional<AccountType> fromManifestName(String name) {
        for (AccountType type : values()) {
            if (type.manifestName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Words for messages: "Microsoft account", "work or school account". */
    public String describe() {
        return switch (this) {
            case MICROSOFT_ACCOUNT -> "Microsoft account";
            case WORK_OR_SCHOOL -> "work or school account";
        };
    }
}
