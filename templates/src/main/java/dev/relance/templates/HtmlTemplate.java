package dev.relance.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;

/**
 * Compiles the HTML body of a template: sanitises the author's HTML once, at compile time, with its
 * Liquid regions standing aside as markers (comments in text, so that tables keep their loops;
 * plain markers in attribute values), then puts the Liquid back with the escaping of where each
 * output landed, and marks link and image addresses for the render-time check. Also derives the
 * text alternative from the same clean tree. Rendering then needs no HTML parser at all.
 */
final class HtmlTemplate {

    /** The Liquid of the HTML body and of its derived text alternative. */
    record Result(String html, String text) {
    }

    private static final char CSS_REGION_OPEN = '\uE002';
    private static final Pattern COMMENT_REGION = Pattern.compile(
            "<!--" + Markers.REGION_OPEN + "(\\d+)" + Markers.REGION_CLOSE + "-->");

    private HtmlTemplate() {
    }

    static Result compile(String source, List<String> requiredNames, List<String> problems) {
        List<LiquidScanner.Region> regions = LiquidScanner.scan(source);
        List<String> liquid = new ArrayList<>();
        String marked = mark(source, regions, liquid);
        Document dirty = Jsoup.parseBodyFragment(marked);
        Document clean = new HtmlCleaner(problems::add).clean(dirty.body());
        if (!source.toLowerCase(java.util.Locale.ROOT).contains("<tbody")) {
            // The parser adds a tbody the author did not write, after a loop that opens before the rows.
            clean.body().select("tbody").forEach(Element::unwrap);
        }
        int[] seen = new int[liquid.size()];
        NodeTraversor.traverse((node, depth) -> count(node, seen), clean.body());
        for (int k = 0; k < liquid.size(); k++) {
            String region = liquid.get(k);
            if (region.startsWith("{%") && seen[k] != 1) {
                problems.add((seen[k] == 0 ? "Liquid tag " + region + " sits where HTML is removed (a script, a style, "
                        + "a comment, an attribute that is not allowed, or between attributes): move it into the text "
                        + "or into an attribute value" : "Liquid tag " + region + " sits in HTML that is not well formed"));
            }
        }
        String text = restore(HtmlToText.template(clean.body(), k -> liquid.get(k).startsWith("{%")), liquid, Outputs.Context.TEXT, requiredNames);
        clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        markAddresses(clean.body());
        String html = clean.body().html().replace("{", "&#123;");
        return new Result(restoreHtml(html, liquid, requiredNames), text);
    }

    /**
     * {@code source} with each Liquid region as a marker: a marker comment in text, a plain marker
     * inside a tag. Raw blocks become their content (braces as entities), comment blocks nothing.
     */
    private static String mark(String source, List<LiquidScanner.Region> regions, List<String> liquid) {
        StringBuilder out = new StringBuilder(source.length() + 64);
        int state = 0;
        int at = 0;
        for (LiquidScanner.Region region : regions) {
            String between = source.substring(at, region.start());
            state = advance(between, state);
            out.append(between);
            String text = region.text(source);
            switch (region.kind()) {
                case RAW -> {
                    String content = text.replaceFirst("^\\{%-?\\s*raw\\s*-?%}", "")
                            .replaceFirst("\\{%-?\\s*endraw\\s*-?%}$", "");
                    state = advance(content, state);
                    out.append(content.replace("{", "&#123;"));
                }
                case COMMENT -> {
                }
                default -> {
                    String marker = Markers.region(liquid.size());
                    liquid.add(text);
                    out.append(state == 0 ? "<!--" + marker + "-->" : marker);
                }
            }
            at = region.end();
        }
        out.append(source, at, source.length());
        return out.toString();
    }

    /** 0 in text, 1 in a tag, 2 or 3 in a tag's quoted value, 4 in a comment. */
    private static int advance(String html, int state) {
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            switch (state) {
                case 0 -> {
                    if (html.startsWith("<!--", i)) {
                        state = 4;
                        i += 3;
                    } else if (c == '<' && i + 1 < html.length() && (Character.isLetter(html.charAt(i + 1))
                            || html.charAt(i + 1) == '/' || html.charAt(i + 1) == '!')) {
                        state = 1;
                    }
                }
                case 1 -> state = c == '>' ? 0 : c == '"' ? 2 : c == '\'' ? 3 : 1;
                case 2 -> state = c == '"' ? 1 : 2;
                case 3 -> state = c == '\'' ? 1 : 3;
                default -> {
                    if (html.startsWith("-->", i)) {
                        state = 0;
                        i += 2;
                    }
                }
            }
        }
        return state;
    }

    private static void count(Node node, int[] seen) {
        if (node instanceof Comment comment && HtmlCleaner.isRegion(comment.getData())) {
            countIn(comment.getData(), seen);
        } else if (node instanceof Element element) {
            for (Attribute attribute : element.attributes()) {
                countIn(attribute.getValue(), seen);
                if (attribute.getKey().equals("style") && attribute.getValue().indexOf(Markers.REGION_OPEN) >= 0) {
                    attribute.setValue(attribute.getValue().replace(Markers.REGION_OPEN, CSS_REGION_OPEN));
                }
            }
        }
    }

    private static void countIn(String value, int[] seen) {
        int at = 0;
        int open;
        while ((open = indexOfOpen(value, at)) >= 0) {
            int close = value.indexOf(Markers.REGION_CLOSE, open);
            seen[Integer.parseInt(value, open + 1, close, 10)]++;
            at = close + 1;
        }
    }

    private static int indexOfOpen(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            if (value.charAt(i) == Markers.REGION_OPEN || value.charAt(i) == CSS_REGION_OPEN) {
                return i;
            }
        }
        return -1;
    }

    private static void markAddresses(Element body) {
        for (Element a : body.select("a[href]")) {
            a.attr("href", Markers.HREF_OPEN + a.attr("href") + Markers.HREF_CLOSE);
        }
        for (Element img : body.select("img[src]")) {
            img.attr("src", Markers.SRC_OPEN + img.attr("src") + Markers.SRC_CLOSE);
        }
    }

    private static String restoreHtml(String html, List<String> liquid, List<String> requiredNames) {
        Matcher comments = COMMENT_REGION.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        int at = 0;
        while (comments.find()) {
            out.append(restoreAttributes(html.substring(at, comments.start()), liquid, requiredNames));
            out.append(rewrite(liquid.get(Integer.parseInt(comments.group(1))), Outputs.Context.HTML, requiredNames));
            at = comments.end();
        }
        out.append(restoreAttributes(html.substring(at), liquid, requiredNames));
        return out.toString();
    }

    private static String restoreAttributes(String html, List<String> liquid, List<String> requiredNames) {
        String css = restore(html, liquid, Outputs.Context.ATTRIBUTE, requiredNames);
        StringBuilder out = new StringBuilder(css.length());
        int at = 0;
        int open;
        while ((open = css.indexOf(CSS_REGION_OPEN, at)) >= 0) {
            int close = css.indexOf(Markers.REGION_CLOSE, open);
            out.append(css, at, open);
            out.append(rewrite(liquid.get(Integer.parseInt(css, open + 1, close, 10)), Outputs.Context.CSS, requiredNames));
            at = close + 1;
        }
        return out.append(css, at, css.length()).toString();
    }

    private static String restore(String marked, List<String> liquid, Outputs.Context context, List<String> names) {
        return Markers.restoreRegions(marked, k -> rewrite(liquid.get(k), context, names));
    }

    private static String rewrite(String region, Outputs.Context context, List<String> names) {
        return region.startsWith("{{") ? Outputs.rewrite(region, context, names) : region;
    }
}
