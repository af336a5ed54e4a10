package io.tenantctl.connect;

/**
 * Bearer tokens for one tenant's connection. A token is a secret: callers put it in an
 * {@code Authorization} header and nowhere else, never in a message, a log or the store.
 */
public interface TokenSource {

    /** A token for the scope ({@code https://graph.microsoft.com/.default} and the like). */
    String token(String scope) throws TokenException;

    /** No token could be had; the message names the tenant and the credential kind, never a secret. */
    final class TokenException extends Exception {
        private static final long serialVersionUID = 1L;

        public TokenException(String message) {
            super(message);
        }
    }
}
