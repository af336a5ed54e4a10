package io.tenantctl.cli;

import io.tenantctl.sign.Keys;
import io.tenantctl.sign.Signer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --signing-key}: the key {@code plan --out} signs the saved plan with. */
public final class SigningOptions {

    static final String ENV = "TENANTCTL_SIGNING_KEY";

    @Option(
            names = "--signing-key",
            paramLabel = "FILE",
            description = "Sign the saved plan with this Ed25519 private key (PKCS#8 PEM, as 'openssl genpkey"
                    + " -algorithm ed25519' writes it; also: TENANTCTL_SIGNING_KEY holding the PEM text). A live"
                    + " provider applies only signed plans.")
    Path file;

    boolean given() {
        return file != null;
    }

    /** The signer, when a key was given on the command line or in the environment. */
    Optional<Signer> signer(Environment env) throws Keys.KeyException {
        if (file != null) {
            return Optional.of(new Signer(Keys.privateKey(read(file, "the signing key"), file.toString())));
        }
        String pem = env.variable(ENV);
        return pem.isBlank() ? Optional.empty() : Optional.of(new Signer(Keys.privateKey(pem, ENV)));
    }

    /** A key file's text; a file that cannot be read is a key problem, said in one line. */
    static String read(Path file, String what) throws Keys.KeyException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Keys.KeyException("cannot read " + what + " " + IoErrors.describe(e));
        }
    }
}
