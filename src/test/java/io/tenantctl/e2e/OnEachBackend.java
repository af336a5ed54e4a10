package io.tenantctl.e2e;

import io.tenantctl.testing.Backend;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An end-to-end suite that runs once against each dialect of the state store, every test on a new,
 * empty store ({@link #state}, a {@code --state} URL) with a folder of its own ({@link #dir}).
 */
@ParameterizedClass
@EnumSource(Backend.class)
abstract class OnEachBackend {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    String state;

    @BeforeEach
    void newState() {
        state = backend.newState(dir);
    }
}
