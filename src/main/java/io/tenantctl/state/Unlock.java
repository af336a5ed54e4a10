package io.tenantctl.state;

/**
 * What {@code force-unlock} achieved.
 *
 * @param message what happened, in a sentence, naming the holder
 */
public record Unlock(Result result, String message) {

    /** The three ends of a forced unlock. */
    public enum Result {
        /** The holder was stopped and the lock is free. */
        RELEASED,
        /** Nobody held the lock (any note a dead holder left behind was removed). */
        WAS_FREE,
        /** The lock is still held: another holder has it now, or this one cannot be stopped from here. */
        REFUSED
    }
}
