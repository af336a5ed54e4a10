package io.tenantctl.step;

/**
 * Something someone outside tenantctl must do for a step to happen (redeem an invitation, publish a
 * DNS record): who must do what, under an id that is readable and stable, so that an operator can
 * confirm it ({@code apply --confirm ID}) and the next apply goes on.
 *
 * @param id   {@code redeem/<tenant>/<account>}, {@code dns/<tenant>/<domain>}: the same for the same
 *             step, in every plan
 * @param who  who must act, in words
 * @param what what they must do, in words
 */
public record ExternalAction(String id, String who, String what) {

    /** One line for people: {@code redeem/contoso/x@y: x@y must redeem ...}. */
    public String line() {
        return id + ": " + who + " must " + what;
    }
}
