package io.tenantctl.agent.http;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A plan's Markdown (from {@code render/PlanMarkdownView}) as HTML for the status page. Text from
 * manifests is in that Markdown, so every raw HTML block is escaped, with one exception rebuilt from
 * escaped text: the {@code <details><summary>...</summary>} and {@code </details>} lines that the
 * Markdown view writes around each kind's changes. Link URLs are sanitised.
 */
final class MarkdownHtml {

    private static final Pattern DETAILS = Pattern.compile("^<details><summary>([^<>]*)</summary>\\s*$");
    private static final Pattern END = Pattern.compile("^</details>\\s*$");

    private static final Parser PARSER =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .sanitizeUrls(true)
            .nodeRendererFactory(HtmlOnlyDetails::new)
            .build();

    private MarkdownHtml() {}

    static String render(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** Raw HTML in the Markdown: escaped, but for the details lines of the plan view. */
    private static final class HtmlOnlyDetails implements NodeRenderer {
        private final HtmlWriter html;

        HtmlOnlyDetails(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(HtmlBlock.class, HtmlInline.class);
        }

        @Override
        public void render(Node node) {
            String literal = node instanceof HtmlBlock b ? b.getLiteral() : ((HtmlInline) node).getLiteral();
            Matcher details = DETAILS.matcher(literal);
            if (node instanceof HtmlBlock && details.matches()) {
                html.raw("<details><summary>");
                html.text(details.group(1));
                html.raw("</summary>\n");
            } else if (node instanceof HtmlBlock && END.matcher(literal).matches()) {
                html.raw("</details>\n");
            } else if (node instanceof HtmlBlock) {
                html.tag("p");
                html.text(literal);
                html.tag("/p");
            } else {
                html.text(literal);
            }
        }
    }
}
