package io.tenantctl.engine;

import io.tenantctl.validate.Silencing;
import java.util.List;
import java.util.Map;

/**
 * How to plan.
 *
 * @param as             the only identities that may act, in order of preference (empty: anyone)
 * @param prune          delete objects this applyset owns that the manifests no longer declare
 * @param source         where the manifests come from, recorded in the plan and the history
 * @param applyset       the name of the manifest set; it owns what it declares
 * @param maxPrune       the largest fraction of the applyset's objects one plan may prune
 * @param allowMassPrune allow pruning more than that, or everything the applyset owns
 * @param forceAdopt     let the applyset take over declared objects that another applyset owns
 * @param temporaryGrants where no order exists otherwise, let the planner give roles for part of
 *                        the plan and take them back before its end
 * @param silencing       the warnings not shown anywhere in the plan ({@code --ignore-warnings}),
 *                        only counted
 */
public record PlanOptions(
        List<String> as,
        boolean prune,
        Map<String, String> source,
        String applyset,
        double maxPrune,
        boolean allowMassPrune,
        boolean forceAdopt,
        boolean temporaryGrants,
        Silencing silencing) {

    /** Options that silence no warning but those the manifests' annotations name. */
    public PlanOptions(
            List<String> as,
            boolean prune,
            Map<String, String> source,
            String applyset,
            double maxPrune,
            boolean allowMassPrune,
            boolean forceAdopt,
            boolean temporaryGrants) {
        this(as, prune, source, applyset, maxPrune, allowMassPrune, forceAdopt, temporaryGrants, Silencing.NONE);
    }

    public static final String DEFAULT_APPLYSET = "default";
    public static final double DEFAULT_MAX_PRUNE = 0.25;

    public PlanOptions {
        as = List.copyOf(as);
        source = Map.copyOf(source);
    }

    /** Default applyset and pruning limits. */
    public static PlanOptions of(List<String> as, boolean prune, Map<String, String> source) {
        return new PlanOptions(as, prune, source, DEFAULT_APPLYSET, DEFAULT_MAX_PRUNE, false, false, false);
    }

    /** The same options, silencing these warnings too. */
    public PlanOptions withSilencing(Silencing run) {
        return new PlanOptions(as, prune, source, applyset, maxPrune, allowMassPrune, forceAdopt, temporaryGrants, run);
    }
}
