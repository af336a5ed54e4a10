package io.tenantctl.cli;

import io.tenantctl.engine.PlanOptions;
import io.tenantctl.plan.Provenance;
import io.tenantctl.state.StateStore;

/** How this run makes a plan, as the plan document records it ({@code made}). */
final class Provenances {

    private Provenances() {}

    static Provenance of(Environment env, StateStore store, PlanOptions options) {
        return new Provenance(
                VersionProvider.version(),
                env.clock().instant(),
                store.location(),
                store.exists(),
                options.prune(),
                options.maxPrune(),
                options.allowMassPrune(),
                options.forceAdopt());
    }
}
