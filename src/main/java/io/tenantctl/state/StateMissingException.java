package io.tenantctl.state;

import io.tenantctl.diag.Codes;

/**
 * The store a URL names holds no state: the SQLite file does not exist, or the database has no
 * tenantctl tables. Read-only commands stop here rather than create one, so that a mistyped
 * {@code --state} is an error instead of an empty state that reports "no drift".
 */
public final class StateMissingException extends StateException {

    private static final long serialVersionUID = 1L;

    public StateMissingException(String message) {
        super(Codes.STATE, message);
    }
}
