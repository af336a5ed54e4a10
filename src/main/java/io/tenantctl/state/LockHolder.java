package io.tenantctl.state;

import java.time.Instant;

/**
 * Who holds (or asks for) the write lock, so that a waiting user can be told whom to ask.
 *
 * @param identity the {@code --as} identities or the operating-system user
 */
public record LockHolder(String identity, String host, long pid, Instant since) {

    public String describe() {
        return identity + " on " + host + " (pid " + pid + ") since " + since;
    }
}
