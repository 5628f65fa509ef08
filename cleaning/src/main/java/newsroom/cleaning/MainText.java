package newsroom.cleaning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article body of a news page and returns its text, one paragraph
 * per block.
 *
 * <p>How: markup that is never content (scripts, navigation, forms, footers,
 * elements hidden or named like comments, share bars, related links, cookie
 * banners, ads) is dropped. Every paragraph of real prose (25 characters or
 * more) then scores its parent and, less, its grandparent: one point, one per
 * comma, one per 100 characters up to three. A container's score is weighed
 * by how much of its text is link text, and by its class and id names. The
 * best container is the body; its siblings join when they score close to it
 * or are plain prose paragraphs themselves (bodies split over several
 * {@code <div>}s). Within the body, link lists and short link-heavy lines
 * are dropped.
 *
 * <p>Everything is iterative, never recursive, so deeply nested markup cannot
 * overflow the stack, and nothing compares every element with every other.
 * What reads an element's whole subtree (its text, its link density) costs at
 * most the page times its depth, which {@link ArticleCleaner} caps.
 */
final class MainText {

    private static final String NEVER_CONTENT = "script, style, noscript, template, svg, canvas, iframe, object,"
            + " embed, button, figure, figcaption, picture, select, input, textarea, nav, footer, aside, menu, dialog,"
            + " [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo],"
            + " [role=complementary], [role=dialog]";
    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)-ad-|\\bads?\\b|advert|banner|breadcrumb|combx|comment|community|cookie|consent|disqus|extra|"
                    + "foot|gdpr|header|legends|menu|modal|newsletter|outbrain|pager|pagination|popup|promo|"
                    + "related|remark|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor|"
                    + "subscribe|taboola|tags?\\b|toolbar|tweet|twitter|widget|recommend|most-?popular|trending|"
                    + "caption|credit|gallery|slideshow|carousel|lightbox|"
                    + "signup|paywall|byline-social|author-bio|read-?more|more-stories|nav\\b|navbar|masthead");
    private static final Pattern MAYBE_CONTENT = Pattern.compile(
            "(?i)and|article|body|column|content|main|shadow|story|entry|post-?text|text");
    private static final Pattern POSITIVE = Pattern.compile(
            "(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|paragraph");
    private static final Pattern NEGATIVE = Pattern.compile(
            "(?i)-ad-|hidden|^hid$|\\bhid\\b|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|"
                    + "masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
                    + "sponsor|shopping|tags|tool|widget|caption|credit|newsletter|subscribe|social|byline");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "tr", "table", "figcaption", "figure",
            "dd", "dt", "dl", "header", "address", "center", "br", "hr");
    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final int MIN_BODY_CHARS = 500;
    /**
     * How much of an element's class and of its id the name patterns read. Real names are short;
     * a pattern's find() costs the name's length times its alternatives, so a class attribute of
     * a few megabytes took a minute.
     */
    private static final int MAX_NAME_CHARS = 200;
    private static final Set<String> BLOCK_CHILDREN = Set.of("p", "div", "section", "article", "table", "ul", "ol",
            "dl", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "header", "main");

    /** The page's body text. The page is pruned in place. */
    String extract(Document page) {
        if (page.body() == null) {
            return "";
        }
        page.body().select(NEVER_CONTENT).remove();
        // A form is a search box or a comment form, except on sites that wrap the whole page in one.
        for (Element form : page.body().select("form")) {
            if (form.selectFirst("article, main, [itemprop=articleBody]") == null && form.select("p").size() < 3) {
                form.remove();
            }
        }
        // Class names mislead on some sites (a wrapper named "header-style-2" around everything):
        // when pruning by name leaves too little, the page is read again without it.
        String text = extract(page.clone(), true);
        if (text.length() < MIN_BODY_CHARS) {
            String unpruned = extract(page, false);
            if (unpruned.length() > text.length()) {
                text = unpruned;
            }
        }
        return text;
    }

    private static String extract(Document page, boolean pruneByName) {
        Element body = page.body();
        if (pruneByName) {
            removeUnlikely(body);
        }
        Element top = bestContainer(body);
        if (top == null) {
            return String.join("\n\n", paragraphs(List.of(body)));
        }
        return String.join("\n\n", paragraphs(withChunks(body, top, withSiblings(top))));
    }

    /**
     * The kept containers and, in page order, the other chunks of a body split over several
     * containers that are not siblings (each chunk in its own grid row): elements of the very
     * tag and class of the best container that score as body text themselves.
     */
    private static List<Element> withChunks(Element body, Element top, List<Element> kept) {
        if (top.className().isBlank()) {
            return kept;
        }
        double threshold = Math.max(10, score(top) * 0.2);
        // The chosen elements and, apart, their ancestors: a candidate inside a chosen one, or
        // around one, is never a chunk of its own. Sets rather than a walk per pair, which was
        // quadratic on a page of 100 000 siblings of one class.
        Set<Element> chosen = identitySet();
        Set<Element> aroundChosen = identitySet();
        for (Element element : kept) {
            choose(element, chosen, aroundChosen);
        }
        boolean chunked = false;
        for (Element element : body.getElementsByClass(top.classNames().iterator().next())) {
            if (!chosen.contains(element) && !aroundChosen.contains(element)
                    && element.normalName().equals(top.normalName())
                    && element.className().equals(top.className())
                    && !hasAncestorIn(element, chosen)
                    && score(element) >= threshold) {
                choose(element, chosen, aroundChosen);
                chunked = true;
            }
        }
        if (!chunked) {
            return kept;
        }
        List<Element> ordered = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (chosen.contains(element)) {
                ordered.add(element);
            }
        }
        return ordered;
    }

    /** Adds {@code element} to {@code chosen} and its ancestors to {@code aroundChosen}, each ancestor once. */
    private static void choose(Element element, Set<Element> chosen, Set<Element> aroundChosen) {
        chosen.add(element);
        for (Element parent = element.parent(); parent != null && aroundChosen.add(parent); parent = parent.parent()) {
            // marked on the way up; stops at the first ancestor marked before
        }
    }

    private static boolean hasAncestorIn(Element element, Set<Element> elements) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (elements.contains(parent)) {
                return true;
            }
        }
        return false;
    }

    private static Set<Element> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static void removeUnlikely(Element body) {
        Set<Element> holdsArticle = holdingArticle(body);
        List<Element> unlikely = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            String tag = element.normalName();
            // Paragraphs and quotations (embedded posts are blockquote.twitter-tweet) are never chrome by name.
            if (tag.equals("article") || tag.equals("main") || tag.equals("a") || tag.equals("p")
                    || tag.equals("blockquote")) {
                continue;
            }
            String names = names(element);
            if (names.isBlank()) {
                continue;
            }
            if (UNLIKELY.matcher(names).find() && !MAYBE_CONTENT.matcher(names).find()
                    && !holdsArticle.contains(element)) {
                unlikely.add(element);
            }
        }
        for (Element element : unlikely) {
            element.remove();
        }
        // <header> is page chrome, except an article's own header (its headline). One walk that
        // skips articles, rather than a look up the tree from every header.
        List<Element> pageHeaders = new ArrayList<>();
        NodeTraversor.filter((node, depth) -> {
            if (node instanceof Element element && element != body) {
                if (element.normalName().equals("article")) {
                    return NodeFilter.FilterResult.SKIP_ENTIRELY;
                }
                if (element.normalName().equals("header")) {
                    pageHeaders.add(element); // its own headers go with it
                    return NodeFilter.FilterResult.SKIP_ENTIRELY;
                }
            }
            return NodeFilter.FilterResult.CONTINUE;
        }, body);
        for (Element header : pageHeaders) {
            header.remove();
        }
    }

    /**
     * The elements that are or hold an article ({@code <article>}, {@code <main>},
     * {@code itemprop=articleBody}): each such element marks its ancestors once, up to the
     * first marked already, so the whole costs one pass however deep the page.
     */
    private static Set<Element> holdingArticle(Element body) {
        Set<Element> holding = identitySet();
        for (Element article : body.select("article, main, [itemprop=articleBody]")) {
            for (Element element = article; element != null && holding.add(element); element = element.parent()) {
                // marked on the way up
            }
        }
        return holding;
    }

    /** The element's class and id, as far as the name patterns read them. */
    private static String names(Element element) {
        return prefix(element.className()) + " " + prefix(element.id());
    }

    private static String prefix(String name) {
        return name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS) : name;
    }

    private static Element bestContainer(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element paragraph : body.select("p, pre, td, blockquote, div, section")) {
            String text;
            boolean container = paragraph.normalName().equals("div") || paragraph.normalName().equals("section")
                    || paragraph.normalName().equals("td");
            if (container && hasBlockChildren(paragraph)) {
                // A container counts as a paragraph only through its own loose text.
                text = paragraph.ownText();
            } else {
                // A <div> of inline text only is a paragraph written as a <div>.
                text = paragraph.text();
                container = false;
            }
            if (text.length() < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double score = 1 + count(text, ',') + Math.min(text.length() / 100.0, 3);
            Element ancestor = container ? paragraph : paragraph.parent();
            for (int level = 0; level < 3 && ancestor != null; level++) {
                double share = level == 0 ? score : level == 1 ? score / 2 : score / 6;
                scores.merge(ancestor, share + (scores.containsKey(ancestor) ? 0 : baseScore(ancestor)), Double::sum);
                ancestor = ancestor.parent();
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = entry.getValue() * (1 - linkDensity(entry.getKey()));
            entry.setValue(score);
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    private static boolean hasBlockChildren(Element element) {
        for (Element child : element.children()) {
            if (BLOCK_CHILDREN.contains(child.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static double baseScore(Element element) {
        double score = switch (element.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String names = names(element);
        if (!names.isBlank()) {
            if (NEGATIVE.matcher(names).find()) {
                score -= 25;
            }
            if (POSITIVE.matcher(names).find()) {
                score += 25;
            }
        }
        if (element.normalName().equals("article") || "articleBody".equals(element.attr("itemprop"))) {
            score += 25;
        }
        return score;
    }

    /** The body container and those of its siblings that are body text too. */
    private static List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double topScore = score(top);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> kept = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                kept.add(sibling);
                continue;
            }
            boolean sameClass = !top.className().isEmpty() && top.className().equals(sibling.className());
            double siblingScore = score(sibling) + (sameClass ? topScore * 0.2 : 0);
            if (siblingScore >= threshold) {
                kept.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                String text = sibling.text();
                double density = linkDensity(sibling);
                if (text.length() > 80 && density < 0.25
                        || text.length() > 0 && density == 0 && text.matches(".*[.!?][\"'”’)]?$")) {
                    kept.add(sibling);
                }
            }
        }
        return kept;
    }

    /** Scores a sibling the way its paragraphs would have scored it. */
    private static double score(Element element) {
        double score = baseScore(element);
        for (Element paragraph : element.select("p, pre, blockquote")) {
            String text = paragraph.text();
            if (text.length() >= MIN_PARAGRAPH_CHARS) {
                score += 1 + count(text, ',') + Math.min(text.length() / 100.0, 3);
            }
        }
        return score * (1 - linkDensity(element));
    }

    private static double linkDensity(Element element) {
        int length = element.text().length();
        if (length == 0) {
            return 0;
        }
        int linked = 0;
        for (Element link : element.select("a")) {
            linked += link.text().length();
        }
        return Math.min(1, linked / (double) length);
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** The text of the kept containers, one paragraph per block, without link lists. */
    private static List<String> paragraphs(List<Element> containers) {
        List<String> paragraphs = new ArrayList<>();
        for (Element container : containers) {
            ParagraphCollector collector = new ParagraphCollector();
            NodeTraversor.traverse(collector, container);
            collector.flush();
            paragraphs.addAll(collector.paragraphs);
        }
        return paragraphs;
    }

    /** Walks a subtree, breaking text into paragraphs at block boundaries. */
    private static final class ParagraphCollector implements NodeVisitor {

        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int linkedChars;
        private int linkDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                String chunk = textNode.text();
                text.append(chunk);
                if (linkDepth > 0) {
                    linkedChars += chunk.strip().length();
                }
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (BLOCKS.contains(tag)) {
                    flush();
                } else if (tag.equals("a")) {
                    linkDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (BLOCKS.contains(tag)) {
                    flush();
                } else if (tag.equals("a")) {
                    linkDepth--;
                }
            }
        }

        void flush() {
            String paragraph = text.toString().replaceAll("[\\s\\u00A0]+", " ").strip();
            int linked = linkedChars;
            text.setLength(0);
            linkedChars = 0;
            if (paragraph.isEmpty()) {
                return;
            }
            // A line that is mostly link text is navigation or a teaser, not prose.
            if (linked > paragraph.length() * 0.5 && paragraph.length() < 300) {
                return;
            }
            paragraphs.add(paragraph);
        }
    }

}
