package io.tenantctl.validate;

import io.tenantctl.diag.EditDistance;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for names from a closed list (kinds, field names): the one candidate within a
 * small edit distance, letter case aside, of what was written.
 */
final class Suggestions {

    private Suggestions() {}

    /**
     * The candidate closest to {@code written}: equal but for letter case, or within one edit (two
     * for names of six letters or more), a swap of two neighbours counting as one. Empty when none
     * is that close, or when two are equally close.
     */
    static Optional<String> closest(String written, Collection<String> candidates) {
        String typed = written.toLowerCase(Locale.ROOT);
        int allowed = typed.length() >= 6 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String candidate : candidates) {
            int d = EditDistance.distance(typed, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return best != null && bestDistance <= allowed && !tie ? Optional.of(best) : Optional.empty();
    }
}
