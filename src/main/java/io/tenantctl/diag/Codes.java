package io.tenantctl.diag;

import java.util.List;

/** Every diagnostic code tenantctl emits; scripts match on these, so they never change. */
public final class Codes {

    private Codes() {}

    // Rules of the world (DESIGN.md 1.1)
    public static final String DOMAIN_CONFLICT = "domain-conflict";
    public static final String INITIAL_DOMAIN_IMMUTABLE = "initial-domain-immutable";
    public static final String IMMUTABLE_FIELD = "immutable-field";
    public static final String DUPLICATE_OBJECT = "duplicate-object";
    public static final String DUPLICATE_SIGN_IN_NAME = "duplicate-sign-in-name";
    public static final String UNKNOWN_REFERENCE = "unknown-reference";
    public static final String WORK_ACCOUNT_DOMAIN = "work-account-domain";
    public static final String MICROSOFT_ACCOUNT_DOMAIN = "microsoft-account-domain";
    public static final String NO_GLOBAL_ADMIN = "no-global-admin";
    public static final String FOREIGN_WORK_ACCOUNT = "foreign-work-account";
    public static final String SUBSCRIPTION_ADMIN_NOT_IN_TENANT = "subscription-admin-not-in-tenant";
    public static final String COADMIN_LIMIT = "coadmin-limit";
    public static final String OFFICE365_TRANSFER = "office365-transfer";
    public static final String SERVICE_ADMIN_CHOICE = "service-admin-choice";
    public static final String TENANT_NOT_EMPTY = "tenant-not-empty";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String NO_LEGAL_ORDER = "no-legal-order";
    public static final String ONMICROSOFT_CUSTOM_DOMAIN = "onmicrosoft-custom-domain";
    public static final String DIRECTORY_LIMIT = "directory-limit";
    public static final String DOMAIN_LIMIT = "domain-limit";

    // Rules of the entra profile (DESIGN.md 8)
    public static final String CLASSIC_ADMIN_RETIRED = "classic-admin-retired";
    public static final String ENTRA_ONLY_FIELD = "entra-only-field";
    public static final String REQUIRED_FIELD = "required-field";
    public static final String GUEST_REQUIRED = "guest-required";
    public static final String GUEST_PENDING = "guest-pending";
    public static final String OWNER_NOT_IN_TENANT = "owner-not-in-tenant";
    public static final String NO_OWNER = "no-owner";
    public static final String OFFER_CANNOT_MOVE = "offer-cannot-move";
    public static final String OWNER_LIMIT = "owner-limit";

    // Warnings
    public static final String GLOBAL_ADMIN_COUNT = "global-admin-count";
    public static final String PORTAL_ACCESS = "portal-access";
    /** An annotation tenantctl.io/ignore-warnings, or --ignore-warnings, naming a code that is no warning. */
    public static final String IGNORE_WARNINGS = "ignore-warnings";

    // Input, plans and the state (DESIGN.md 4)
    public static final String YAML = "yaml";
    public static final String GIT = "git";
    public static final String SCHEMA = "schema";
    public static final String STALE_PLAN = "stale-plan";
    public static final String PLAN_DIGEST = "plan-digest";
    public static final String STATE_LOCKED = "state-locked";
    public static final String STATE = "state";
    public static final String PRUNE = "prune";
    public static final String PROTECTED = "protected";
    public static final String ADOPT = "adopt";
    public static final String EMPTY = "empty";
    public static final String NO_SUCH_FILE = "no-such-file";
    public static final String PROFILE = "profile";
    public static final String AWAITING_ACTION = "awaiting-action";

    // The command line
    public static final String USAGE = "usage";
    public static final String IO = "io";
    public static final String NOT_FOUND = "not-found";

    // The agent (tenantctl agent, status, approve)
    public static final String AGENT_CONFIG = "agent-config";
    public static final String AGENT_LOCKED = "agent-locked";

    // Live directories (the azure provider, connections, signed plans)
    public static final String CONNECTIONS = "connections";
    public static final String PROVIDER = "provider";
    public static final String REQUEST_FAILED = "request-failed";
    public static final String UNSEEN = "unseen";
    public static final String UNMANAGED = "unmanaged";
    public static final String PLAN_SIGNATURE = "plan-signature";
    public static final String SIGNING_KEY = "signing-key";

    /**
     * Every code that manifests, {@code validate} and plans warn with, sorted: what the annotation
     * {@code tenantctl.io/ignore-warnings} and {@code --ignore-warnings} may name, and only these
     * ({@code WarningCodesTest} checks the list against every warning the sources make). Of the
     * codes that are an error too ({@code adopt} without {@code --force-adopt}, {@code unseen} of an
     * object the plan changes), only the warning is ever silenced. The warnings of applying a saved
     * plan ({@code plan-signature}, {@code provider}) are not here: a saved plan is applied as it
     * was reviewed, and {@code apply PLANFILE} takes no {@code --ignore-warnings}.
     */
    public static final List<String> WARNINGS =
            List.of(ADOPT, GLOBAL_ADMIN_COUNT, PORTAL_ACCESS, PROTECTED, UNMANAGED, UNSEEN);
}
