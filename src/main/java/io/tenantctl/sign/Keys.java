package io.tenantctl.sign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys in the PEM forms that {@code openssl genpkey -algorithm ed25519} and
 * {@code openssl pkey -pubout} write: {@code PRIVATE KEY} (PKCS#8) and {@code PUBLIC KEY} (X.509
 * SubjectPublicKeyInfo). A key is never printed: messages name where it came from, never its bytes.
 */
public final class Keys {

    static final String ALGORITHM = "Ed25519";

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private Keys() {}

    /** The one private key in a PEM text; {@code origin} names the file or variable in messages. */
    public static PrivateKey privateKey(String pem, String origin) throws KeyException {
        List<byte[]> blocks = blocks(pem, "PRIVATE KEY", origin);
        if (blocks.size() != 1) {
            throw new KeyException(origin + " holds " + blocks.size() + " private keys; give exactly one");
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(blocks.get(0)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyException(origin + " does not hold an Ed25519 private key (PKCS#8 PEM)");
        }
    }

    /** Every public key in a PEM text (one or more {@code PUBLIC KEY} blocks). */
    public static List<PublicKey> publicKeys(String pem, String origin) throws KeyException {
        List<byte[]> blocks = blocks(pem, "PUBLIC KEY", origin);
        if (blocks.isEmpty()) {
            throw new KeyException(origin + " holds no public key (a PEM block BEGIN PUBLIC KEY)");
        }
        List<PublicKey> out = new ArrayList<>();
        for (byte[] block : blocks) {
            try {
                out.add(KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(block)));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new KeyException(origin + " holds a public key that is not an Ed25519 key");
            }
        }
        return out;
    }

    /**
     * A public key's fingerprint, as the history records it: {@code SHA256:} and the unpadded
     * base64 of the SHA-256 of its DER encoding, as OpenSSH shows keys.
     */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A public key as a PEM text, for tests and for showing which key to trust. */
    public static String pem(PublicKey key) {
        return block("PUBLIC KEY", key.getEncoded());
    }

    /** A private key as a PEM text (PKCS#8), for tests that make their own keys. */
    public static String pem(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static List<byte[]> blocks(String pem, String type, String origin) throws KeyException {
        List<byte[]> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                try {
                    out.add(Base64.getMimeDecoder().decode(m.group(2)));
                } catch (IllegalArgumentException e) {
                    throw new KeyException(origin + " holds a PEM block that is not base64");
                }
            }
        }
        return out;
    }

    /** A key that cannot be read; the message names where it came from, never its content. */
    public static final class KeyException extends Exception {
        private static final long serialVersionUID = 1L;

        public KeyException(String message) {
            super(message);
        }
    }
}
