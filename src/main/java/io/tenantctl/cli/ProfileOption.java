package io.tenantctl.cli;

import io.tenantctl.profile.Profile;
import io.tenantctl.profile.Profiles;
import java.util.Iterator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --profile}: the world a new state is created in, and the one {@code validate} and {@code
 * generate} use without a state. A state keeps the profile it was created under; a {@code --profile}
 * that disagrees with it is an error.
 */
final class ProfileOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private final Context context;

    ProfileOption(Context context) {
        this.context = context;
    }

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            completionCandidates = Names.class,
            description = "The world's era: ${COMPLETION-CANDIDATES} (default " + Profiles.DEFAULT + "). Recorded in a"
                    + " state when it is created; a state's commands use its own.")
    void profile(String name) {
        Profile profile = Profiles.named(name)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "unknown profile '" + name + "'; the profiles are " + String.join(", ", new Names())));
        context.chooseProfile(profile);
    }

    /** The names of the profiles of this build. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Profiles.all().stream().map(Profile::name).iterator();
        }
    }
}
