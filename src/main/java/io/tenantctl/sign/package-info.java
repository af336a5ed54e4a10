/**
 * Signed plans. A plan's digest proves that a saved plan was not changed by accident, not that
 * nobody changed it: anyone who can write the file can edit a step and compute the digest again.
 * Once steps reach real tenants, a saved plan is signed when it is made (Ed25519, through the JDK,
 * with a key from a file or the environment) and verified before a live provider applies it.
 *
 * <p>{@link Keys} reads PEM keys, {@link PlanSignature} is the signature a plan document carries
 * (over its digest, never over anything else), {@link Signer} adds it to a document and
 * {@link Verifier} checks it against the trusted public keys, giving the fingerprint of the key that
 * signed, which the history records.
 */
package io.tenantctl.sign;
