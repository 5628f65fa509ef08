package newsroom.cleaning;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The readable text of an HTML page: one paragraph per block element, with
 * scripts, styles, navigation, forms, headers, footers and asides dropped.
 */
final class HtmlText {

    private static final String NOT_CONTENT =
            "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, select";
    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, figcaption";

    String toText(String html) {
        Document document = Jsoup.parse(html);
        document.select(NOT_CONTENT).remove();
        Element root = document.body();
        List<String> paragraphs = new ArrayList<>();
        for (Element block : root.select(BLOCKS)) {
            // Nested blocks (a <p> inside an <li>) are taken once, at the innermost level.
            if (!block.select(BLOCKS).stream().allMatch(e -> e == block)) {
                continue;
            }
            String text = block.text().strip();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        if (paragraphs.isEmpty()) {
            String text = root.text().strip();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        return String.join("\n\n", paragraphs);
    }
}
