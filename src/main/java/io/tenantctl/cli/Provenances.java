package io.tenantctl.cli;

import io.tenantctl.engine.PlanOptions;
import io.tenantctl.plan.Provenance;
import io.tenantctl.state.StateStore;
import java.time.temporal.ChronoUnit;

/** How this run makes a plan, as the plan document records it ({@code made}). */
final class Provenances {

    private Provenances() {}

    static Provenance of(Environment env, StateStore store, PlanOptions options) {
        return new Provenance(
                VersionProvider.version(),
                env.clock().instant().truncatedTo(ChronoUnit.MILLIS),
                store.location(),
                store.exists(),
                options.prune(),
                options.maxPrune(),
                options.allowMassPrune(),
                options.forceAdopt());
    }
}
