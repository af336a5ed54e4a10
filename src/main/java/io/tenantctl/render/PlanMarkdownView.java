package io.tenantctl.render;

import io.tenantctl.plan.PlanDocument;

/**
 * The plan as a GitHub pull-request comment: a summary with the digest and base a reviewer
 * matches against what gets applied, the diagnostics, the steps with their actors, the changes
 * per object in collapsed blocks, and a Mermaid picture of the first steps.
 *
 * <p>A comment has a hard size limit, and a plan of twenty thousand objects is far larger. The
 * parts ({@link MarkdownParts}, steps classed by their impact in {@link StepImpacts}) are admitted
 * by priority into a character budget ({@link MarkdownBudget}), then written in reading order
 * ({@link MarkdownLayout}); the comment says what was left out, with counts, and where the full
 * plan is. Privileged steps and deletions that do not fit are counted under a caution at the top
 * rather than dropped silently.
 *
 * <p>All text from manifests goes through {@link Markdown}; the output depends only on the plan
 * and the options, so the same plan gives the same bytes.
 */
public final class PlanMarkdownView {

    /** Steps drawn at most: a picture of more is unreadable, and GitHub stops rendering large ones. */
    static final int DIAGRAM_STEPS = 30;
    /** The smaller picture tried when the full one does not fit. */
    static final int DIAGRAM_STEPS_SMALL = 10;
    /** Warnings listed at most; a large plan can have thousands that would crowd out its steps. */
    static final int WARNINGS_SHOWN = 50;
    /** More warnings than this are folded away, so that the steps are near the top. */
    static final int WARNINGS_OPEN = 5;
    /** Kept objects listed at most, as in the text view. */
    static final int KEPT_SHOWN = PlanTextView.KEPT_SHOWN;
    /**
     * Room held back for what is written after the budget is spent: the notes on what was left
     * out, section titles and the lines that end a cut list. Twice the caller's hint comes on top.
     */
    static final int RESERVE = 3_000;

    private PlanMarkdownView() {}

    /** The comment; never longer than {@code options.budget()} characters. */
    public static String render(PlanDocument document, MarkdownOptions options) {
        MarkdownParts parts = MarkdownParts.of(document);
        String head = MarkdownLayout.head(parts);
        MarkdownBudget.Admitted admitted = MarkdownBudget.admit(
                parts,
                options.budget()
                        - head.length()
                        - RESERVE
                        - 2 * options.fullPlan().length());
        String comment = MarkdownLayout.write(head, parts, admitted, options);
        if (comment.length() > options.budget()) {
            // Cannot happen while RESERVE covers the notes; if it ever does, say so rather than exceed.
            return head + "\n"
                    + MarkdownLayout.caution(
                            "This plan is too large to show in a comment. " + MarkdownLayout.fullPlan(options))
                    + "\n";
        }
        return comment;
    }
}
