package io.tenantctl.cli;

import io.tenantctl.diag.EditDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for a mistyped word among the ones a command knows: the candidates within a small
 * edit distance (a letter missing, extra, wrong or two swapped: {@code plna}, {@code --auto-aprove}),
 * closest first, as git suggests commands.
 */
final class Suggestions {

    private Suggestions() {}

    /** The candidates close enough to {@code word} to be what was meant, closest first. */
    static List<String> closest(String word, Collection<String> candidates) {
        String typed = word.toLowerCase(Locale.ROOT);
        int letters = typed.replaceFirst("^-+", "").length();
        if (letters < 3) {
            // one or two letters are close to every short option: nothing to learn from them
            return List.of();
        }
        int allowed = Math.max(1, Math.min(3, letters / 3));
        int best = Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String candidate : candidates) {
            int distance = EditDistance.distance(typed, candidate.toLowerCase(Locale.ROOT));
            if (distance > allowed || candidate.replaceFirst("^-+", "").length() < 3) {
                continue;
            }
            if (distance < best) {
                best = distance;
                out.clear();
            }
            if (distance == best && !out.contains(candidate)) {
                out.add(candidate);
            }
        }
        return out;
    }

    /** {@code "; did you mean 'plan'?"}, or nothing when no candidate is close. */
    static String didYouMean(String word, Collection<String> candidates) {
        List<String> close = closest(word, candidates);
        if (close.isEmpty()) {
            return "";
        }
        return "; did you mean "
                + String.join(" or ", close.stream().map(c -> "'" + c + "'").toList()) + "?";
    }
}
