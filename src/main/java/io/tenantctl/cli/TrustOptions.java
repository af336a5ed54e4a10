package io.tenantctl.cli;

import io.tenantctl.sign.Keys;
import io.tenantctl.sign.Verifier;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --trusted-key} and {@code --allow-unsigned}: which signatures {@code apply PLANFILE} accepts. */
public final class TrustOptions {

    static final String ENV = "TENANTCTL_TRUSTED_KEYS";

    @Option(
            names = "--trusted-key",
            paramLabel = "FILE",
            description = "A public key (PEM) whose signatures of saved plans are trusted. Repeatable (also:"
                    + " TENANTCTL_TRUSTED_KEYS holding one or more PEM public keys). A signed plan is checked"
                    + " against them; a live provider applies only a plan one of them signed.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--allow-unsigned",
            description = "Let a live provider apply a saved plan that is unsigned or not signed by a trusted key.")
    boolean allowUnsigned;

    boolean given() {
        return !files.isEmpty() || allowUnsigned;
    }

    /** The verifier over every trusted key given. */
    Verifier verifier(Environment env) throws Keys.KeyException {
        List<PublicKey> keys = new ArrayList<>();
        for (Path file : files) {
            keys.addAll(Keys.publicKeys(SigningOptions.read(file, "a trusted key"), file.toString()));
        }
        String pem = env.variable(ENV);
        if (!pem.isBlank()) {
            keys.addAll(Keys.publicKeys(pem, ENV));
        }
        return new Verifier(keys);
    }
}
