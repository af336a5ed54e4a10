package io.tenantctl.engine;

import java.util.List;
import java.util.Map;

/**
 * How to plan.
 *
 * @param as       the only identities that may act, in order of preference (empty: anyone)
 * @param prune    delete objects of the state that the manifests no longer declare
 * @param source   where the manifests come from, recorded in the plan and the history
 */
public record PlanOptions(List<String> as, boolean prune, Map<String, String> source) {

    public PlanOptions {
        as = List.copyOf(as);
        source = Map.copyOf(source);
    }
}
