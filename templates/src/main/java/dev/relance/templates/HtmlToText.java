package dev.relance.templates;

import java.util.Set;
import java.util.function.IntPredicate;

import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The plain-text alternative of clean HTML: paragraphs, blocks and {@code <br>} as line breaks,
 * list items as "- ", links as "text (url)". Used at compile time on a template (Liquid regions,
 * as marker comments, are carried through, and literal braces are written so that Liquid prints
 * them) and on HTML-valued data such as a signature (plain text out).
 */
final class HtmlToText {

    private static final Set<String> BLOCKS = Set.of("div", "table", "ul", "ol", "pre", "tr", "center", "dl", "dt", "dd",
            "thead", "tbody", "tfoot", "caption");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr");

    private final boolean liquid;
    private final IntPredicate isTag;
    private final StringBuilder out = new StringBuilder();

    private HtmlToText(boolean liquid, IntPredicate isTag) {
        this.liquid = liquid;
        this.isTag = isTag;
    }

    /**
     * Liquid source of the text alternative; Liquid regions stay as markers.
     *
     * @param isTag whether region k is a tag (prints nothing itself) rather than an output
     */
    static String template(Element body, IntPredicate isTag) {
        HtmlToText converter = new HtmlToText(true, isTag);
        converter.children(body, false);
        return converter.out.toString();
    }

    /** Plain text of data HTML, tidied. */
    static String text(Element body) {
        HtmlToText converter = new HtmlToText(false, k -> false);
        converter.children(body, false);
        return tidy(converter.out.toString());
    }

    private void children(Element element, boolean pre) {
        for (Node child : element.childNodes()) {
            switch (child) {
                case TextNode text -> literal(pre ? text.getWholeText() : text.getWholeText().replaceAll("\\s+", " "));
                case Comment comment when HtmlCleaner.isRegion(comment.getData()) -> out.append(comment.getData());
                case Element e -> element(e, pre);
                default -> {
                }
            }
        }
    }

    private void element(Element e, boolean pre) {
        String name = e.normalName();
        switch (name) {
            case "br" -> out.append('\n');
            case "li" -> {
                lineBreak();
                out.append("- ");
                children(e, pre);
                lineBreak();
            }
            case "td", "th" -> {
                children(e, pre);
                out.append(' ');
            }
            case "img" -> literal(e.attr("alt"));
            case "a" -> link(e, pre);
            default -> {
                boolean paragraph = PARAGRAPHS.contains(name);
                boolean block = paragraph || BLOCKS.contains(name);
                if (block) {
                    out.append(paragraph ? "\n\n" : "");
                    lineBreak();
                }
                children(e, pre || name.equals("pre"));
                if (block) {
                    out.append(paragraph ? "\n\n" : "");
                    lineBreak();
                }
            }
        }
    }

    private void link(Element a, boolean pre) {
        int start = out.length();
        children(a, pre);
        String href = a.attr("href").strip();
        if (href.regionMatches(true, 0, "mailto:", 0, 7)) {
            href = href.substring(7);
        }
        String label = out.substring(start).strip();
        if (href.isEmpty() || label.equals(href) || label.equals(Html.escape(href))) {
            return;
        }
        if (label.isEmpty()) {
            mixed(href);
        } else {
            out.append(" (");
            mixed(href);
            out.append(')');
        }
    }

    /** A line break unless the text already ends with one (Liquid regions aside: a loop repeats its lines). */
    private void lineBreak() {
        int i = out.length() - 1;
        while (i >= 0 && out.charAt(i) == Markers.REGION_CLOSE) {
            int open = out.lastIndexOf(String.valueOf(Markers.REGION_OPEN), i);
            if (!isTag.test(Integer.parseInt(out, open + 1, i, 10))) {
                break;
            }
            i = open - 1;
        }
        if (i >= 0 && out.charAt(i) != '\n') {
            out.append('\n');
        }
    }

    /** An attribute value: literal text with Liquid region markers. */
    private void mixed(String value) {
        int at = 0;
        int open;
        while ((open = value.indexOf(Markers.REGION_OPEN, at)) >= 0) {
            int close = value.indexOf(Markers.REGION_CLOSE, open);
            literal(value.substring(at, open));
            out.append(value, open, close + 1);
            at = close + 1;
        }
        literal(value.substring(at));
    }

    private void literal(String text) {
        if (liquid && text.indexOf('{') >= 0) {
            out.append(text.replace("{", "{{ \"{\" }}"));
        } else {
            out.append(text);
        }
    }

    /**
     * Tidies derived text: lines stripped, spaces collapsed, at most one empty line in a row, no
     * empty line at either end. Cheap enough to run on every rendering (conditionals leave gaps).
     */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            collapseSpaces(stripped, out);
        }
        return out.toString();
    }

    private static void collapseSpaces(String line, StringBuilder out) {
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\u00A0') {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
    }
}
