package io.tenantctl.engine;

import io.tenantctl.load.Limits;
import io.tenantctl.load.LoadResult;
import io.tenantctl.load.ManifestLoader;
import io.tenantctl.profile.Profile;
import io.tenantctl.validate.ManifestValidator;
import io.tenantctl.validate.SchemaValidator;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

/** The entry point of every use case; holds what is costly to build once (the schemas). */
public final class Engine {

    private final Profile profile;
    private final ManifestLoader loader;
    private final ManifestValidator validator;

    public Engine(Profile profile, Supplier<InputStream> stdin) {
        this.profile = profile;
        this.loader = new ManifestLoader(Limits.DEFAULT, stdin);
        this.validator = new ManifestValidator(new SchemaValidator());
    }

    public Profile profile() {
        return profile;
    }

    /** Loads and checks manifests on their own: schema, duplicates and every rule. */
    public Validation validate(List<String> paths) {
        Validation read = read(loader.load(paths));
        read.diagnostics().addAll(ManifestValidator.checkRules(profile.rules(), read.desired()));
        return read;
    }

    /** Loads and checks manifests up to the schema and duplicates; the rules need the state. */
    public Validation read(LoadResult loaded) {
        ManifestValidator.Result result = validator.validate(loaded);
        return new Validation(result.desired(), result.diagnostics());
    }

    public ManifestLoader loader() {
        return loader;
    }
}
