package io.tenantctl.state;

import io.tenantctl.diag.Codes;
import java.util.Optional;

/** Another apply held the store's write lock for longer than we were willing to wait. */
public final class StateLockedException extends StateException {

    private static final long serialVersionUID = 1L;

    private final transient Optional<LockHolder> holder;

    public StateLockedException(String message, Optional<LockHolder> holder) {
        super(Codes.STATE_LOCKED, message);
        this.holder = holder;
    }

    public Optional<LockHolder> holder() {
        return holder;
    }
}
