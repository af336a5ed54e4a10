package io.tenantctl.sign;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Checks a plan's signature against the public keys an operator trusts. */
public final class Verifier {

    private final List<PublicKey> trusted;

    public Verifier(List<PublicKey> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    public boolean hasKeys() {
        return !trusted.isEmpty();
    }

    /** What checking a plan's signature found. */
    public sealed interface Result {}

    /** Signed by a trusted key. */
    public record Signed(String fingerprint) implements Result {}

    /** The plan carries no signature. */
    public record Unsigned() implements Result {}

    /** A signature that no trusted key made (or one that is malformed, or no key to check it with). */
    public record BadSignature(String why) implements Result {}

    /** Checks the signature a plan with this digest carries. */
    public Result verify(String digest, Optional<PlanSignature> signature) {
        if (signature.isEmpty()) {
            return new Unsigned();
        }
        PlanSignature s = signature.get();
        if (!Keys.ALGORITHM.equals(s.algorithm())) {
            return new BadSignature("its algorithm is '" + s.algorithm() + "', not Ed25519");
        }
        if (trusted.isEmpty()) {
            return new BadSignature("no trusted public key was given to check it with");
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(s.value());
        } catch (IllegalArgumentException e) {
            return new BadSignature("its value is not base64");
        }
        for (PublicKey key : trusted) {
            if (verifies(key, digest, value)) {
                return new Signed(Keys.fingerprint(key));
            }
        }
        return new BadSignature("none of the " + trusted.size() + " trusted keys made it, or the plan was changed"
                + " after it was signed");
    }

    private static boolean verifies(PublicKey key, String digest, byte[] value) {
        try {
            Signature ed = Signature.getInstance(Keys.ALGORITHM);
            ed.initVerify(key);
            ed.update(PlanSignature.message(digest));
            return ed.verify(value);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
