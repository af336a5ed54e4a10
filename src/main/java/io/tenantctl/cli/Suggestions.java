package io.tenantctl.cli;

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
            int distance = distance(typed, candidate.toLowerCase(Locale.ROOT));
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

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
