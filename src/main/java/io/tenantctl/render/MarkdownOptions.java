package io.tenantctl.render;

import java.util.Optional;

/**
 * How the Markdown plan is bounded, and where it sends readers for what it leaves out.
 *
 * @param budget   the most characters the comment may have; GitHub refuses comments over 65,536,
 *                 so the default leaves room for whatever a pipeline wraps around it
 * @param fullPlan where the whole plan is, as one line of Markdown from the caller (not from a
 *                 manifest): "the saved plan file plan.json", a URL, or the default hint
 */
public record MarkdownOptions(int budget, String fullPlan) {

    /** Below this, the summary and the notes on what was left out might not fit. */
    public static final int MIN_BUDGET = 10_000;

    /** Long enough for any URL a pipeline would give; bounded because it is counted in the budget. */
    public static final int MAX_FULL_PLAN = 500;

    public static final String DEFAULT_FULL_PLAN = "run `tenantctl plan -o json` for the full plan";

    public static final MarkdownOptions DEFAULT = new MarkdownOptions(60_000, DEFAULT_FULL_PLAN);

    public MarkdownOptions {
        if (budget < MIN_BUDGET) {
            throw new IllegalArgumentException("a Markdown budget below " + MIN_BUDGET + " characters cannot hold"
                    + " a plan's summary: " + budget);
        }
        if (fullPlan == null
                || fullPlan.isBlank()
                || fullPlan.length() > MAX_FULL_PLAN
                || fullPlan.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new IllegalArgumentException(
                    "the full-plan hint must be one line of 1 to " + MAX_FULL_PLAN + " characters");
        }
    }

    /** The default budget, with the caller's hint; a blank hint means the default one. */
    public static MarkdownOptions withFullPlan(Optional<String> fullPlan) {
        return new MarkdownOptions(
                DEFAULT.budget(), fullPlan.filter(h -> !h.isBlank()).orElse(DEFAULT_FULL_PLAN));
    }
}
