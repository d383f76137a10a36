package dev.relance.templates;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An allowlist HTML cleaner for email bodies: formatting, links, https images and tables are kept
 * (with inline styles, which mail clients need); scripts, styles, frames, forms' controls, event
 * handlers and any address other than http(s)/mailto links and https images are dropped. Elements
 * outside the list are unwrapped (their text stays), except those whose content is code, dropped
 * whole. Comments that stand for Liquid regions are kept where they are, so Liquid survives.
 */
final class HtmlCleaner {

    private static final Set<String> DROPPED_WITH_CONTENT = Set.of("script", "style", "iframe", "frame", "frameset",
            "object", "embed", "applet", "noscript", "noembed", "noframes", "template", "svg", "math", "head", "title",
            "textarea", "select", "button", "audio", "video", "canvas", "xmp", "plaintext", "base", "link", "meta");
    private static final Set<String> GLOBAL = Set.of("style", "class", "align", "dir", "lang", "title", "id");
    private static final Set<String> CELL = Set.of("width", "height", "colspan", "rowspan", "valign", "bgcolor",
            "nowrap", "scope");
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("a", Set.of("href", "name", "target", "rel")),
            Map.entry("img", Set.of("src", "alt", "width", "height", "border")),
            Map.entry("table", Set.of("width", "border", "cellpadding", "cellspacing", "bgcolor", "role", "height")),
            Map.entry("td", CELL), Map.entry("th", CELL), Map.entry("tr", Set.of("valign", "bgcolor", "height")),
            Map.entry("tbody", Set.of("valign")), Map.entry("thead", Set.of("valign")), Map.entry("tfoot", Set.of()),
            Map.entry("col", Set.of("span", "width")), Map.entry("colgroup", Set.of("span", "width")),
            Map.entry("caption", Set.of()), Map.entry("font", Set.of("color", "face", "size")),
            Map.entry("ol", Set.of("start", "type")), Map.entry("ul", Set.of("type")), Map.entry("li", Set.of("value")),
            Map.entry("p", Set.of()), Map.entry("div", Set.of()), Map.entry("span", Set.of()), Map.entry("br", Set.of()),
            Map.entry("hr", Set.of("width", "size", "color")), Map.entry("b", Set.of()), Map.entry("strong", Set.of()),
            Map.entry("i", Set.of()), Map.entry("em", Set.of()), Map.entry("u", Set.of()), Map.entry("s", Set.of()),
            Map.entry("strike", Set.of()), Map.entry("small", Set.of()), Map.entry("big", Set.of()),
            Map.entry("sub", Set.of()), Map.entry("sup", Set.of()), Map.entry("code", Set.of()), Map.entry("pre", Set.of()),
            Map.entry("blockquote", Set.of()), Map.entry("q", Set.of()), Map.entry("cite", Set.of()),
            Map.entry("abbr", Set.of()), Map.entry("center", Set.of()), Map.entry("dl", Set.of()), Map.entry("dt", Set.of()),
            Map.entry("dd", Set.of()), Map.entry("h1", Set.of()), Map.entry("h2", Set.of()), Map.entry("h3", Set.of()),
            Map.entry("h4", Set.of()), Map.entry("h5", Set.of()), Map.entry("h6", Set.of()), Map.entry("mark", Set.of()));
    private static final Pattern UNSAFE_STYLE = Pattern.compile(
            "(?i)expression\\s*\\(|javascript:|vbscript:|behaviou?r\\s*:|-moz-binding|@import|url\\s*\\(");

    private final Consumer<String> problems;

    /** @param problems told about each address refused, for validation (ignored for data) */
    HtmlCleaner(Consumer<String> problems) {
        this.problems = problems;
    }

    /** A new document whose body holds the allowed part of {@code dirty}. */
    Document clean(Element dirty) {
        Document clean = Document.createShell("");
        copyChildren(dirty, clean.body());
        return clean;
    }

    private void copyChildren(Element from, Element to) {
        for (Node child : from.childNodes()) {
            switch (child) {
                case TextNode text -> to.appendChild(new TextNode(text.getWholeText()));
                case Comment comment when isRegion(comment.getData()) -> to.appendChild(new Comment(comment.getData()));
                case Element element -> copyElement(element, to);
                default -> {
                    // other comments, doctype, script data: dropped
                }
            }
        }
    }

    private void copyElement(Element element, Element to) {
        String name = element.normalName();
        if (DROPPED_WITH_CONTENT.contains(name)) {
            return;
        }
        Set<String> allowed = ALLOWED.get(name);
        if (allowed == null) {
            copyChildren(element, to);
            return;
        }
        Element copy = new Element(name);
        for (Attribute attribute : element.attributes()) {
            String key = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
            String value = attribute.getValue();
            if ((GLOBAL.contains(key) || allowed.contains(key)) && isSafe(name, key, value)) {
                copy.attr(key, value);
            }
        }
        to.appendChild(copy);
        copyChildren(element, copy);
    }

    private boolean isSafe(String element, String key, String value) {
        if (key.equals("style")) {
            return !UNSAFE_STYLE.matcher(value).find();
        }
        boolean link = key.equals("href");
        if (!link && !key.equals("src")) {
            return true;
        }
        String address = value.strip();
        if (!address.isEmpty() && address.charAt(0) == Markers.REGION_OPEN) {
            return true;
        }
        String probe = address.replaceAll(Markers.REGION_OPEN + "\\d+" + Markers.REGION_CLOSE, "x");
        if (link ? Links.isLinkAllowed(probe) : Links.isImageAllowed(probe)) {
            return true;
        }
        problems.accept((link ? "link \"" : "image \"") + address.replaceAll("[\uE000-\uE01F]", "") + "\" of <" + element
                + "> must be an absolute " + (link ? "http(s) URL (or mailto:)" : "https URL"));
        return false;
    }

    static boolean isRegion(String data) {
        return data.length() > 2 && data.charAt(0) == Markers.REGION_OPEN
                && data.charAt(data.length() - 1) == Markers.REGION_CLOSE;
    }
}
