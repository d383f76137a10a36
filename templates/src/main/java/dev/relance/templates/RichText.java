package dev.relance.templates;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * HTML-valued data (a sender's signature): sanitised for HTML bodies, turned into text for text
 * bodies. Text without markup is escaped with its line breaks kept. Results are cached: there are
 * as many signatures as mailboxes, so the parser runs once per signature, not once per message.
 */
final class RichText {

    private static final int CACHE_SIZE = 1_024;

    private record Converted(String html, String text) {
    }

    private final Map<String, Converted> cache = new ConcurrentHashMap<>();

    String html(String value) {
        return isMarkup(value) ? converted(value).html() : Html.escape(value).replace("\r\n", "\n").replace("\n", "<br>\n");
    }

    String text(String value) {
        return isMarkup(value) ? converted(value).text() : value;
    }

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[A-Za-z/!]");

    private static boolean isMarkup(String value) {
        return value.indexOf('<') >= 0 && TAG.matcher(value).find();
    }

    private Converted converted(String value) {
        Converted found = cache.get(value);
        if (found != null) {
            return found;
        }
        Document clean = new HtmlCleaner(problem -> { }).clean(Jsoup.parseBodyFragment(Markers.strip(value)).body());
        String text = HtmlToText.text(clean.body());
        clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        Converted converted = new Converted(clean.body().html(), text);
        if (cache.size() >= CACHE_SIZE) {
            cache.clear();
        }
        cache.put(value, converted);
        return converted;
    }
}
