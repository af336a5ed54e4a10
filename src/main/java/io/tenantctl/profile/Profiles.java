package io.tenantctl.profile;

import io.tenantctl.step.Op;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The profiles this build knows, by name; the default is {@code classic}, the seed's world. */
public final class Profiles {

    /** The profile of a state that names none. */
    public static final String DEFAULT = "classic";

    private static final List<Profile> ALL = load();

    private Profiles() {}

    private static List<Profile> load() {
        List<Profile> out = new ArrayList<>();
        for (ProfileSource source : ServiceLoader.load(ProfileSource.class, Profiles.class.getClassLoader())) {
            out.add(source.profile());
        }
        out.sort(Comparator.comparing(Profile::name));
        return List.copyOf(out);
    }

    /** Every known profile, by name. */
    public static List<Profile> all() {
        return ALL;
    }

    public static Optional<Profile> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The default profile. */
    public static Profile standard() {
        return named(DEFAULT)
                .orElseThrow(() -> new IllegalStateException("no " + DEFAULT + " profile on the class path"));
    }

    /**
     * The operation of this name in any known profile. Profiles that share an operation share the
     * one value, so a name means one operation whatever profile a plan file was made under.
     */
    public static Optional<Op> operation(String wireName) {
        for (Profile profile : ALL) {
            for (Op op : profile.steps().operations()) {
                if (op.wireName().equals(wireName)) {
                    return Optional.of(op);
                }
            }
        }
        return Optional.empty();
    }
}
