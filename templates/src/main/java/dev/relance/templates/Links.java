package dev.relance.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a link may be (an absolute http(s) URL, or mailto: for a link), and where the links of a
 * rendered body are: in compiled HTML each link and image address sits between marker characters,
 * so that one pass over the rendered HTML checks them, lists the links and removes the markers.
 */
final class Links {

    private static final Pattern MAILTO = Pattern.compile("(?i)mailto:[^\\s<>\"]+");
    static final Pattern URL_IN_TEXT = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"]*[^\\s<>\".,;:!?)\\]'}]");
    static final Pattern URL_CANDIDATE = Pattern.compile("(?i)\\bhttps?:[^\\s<>\"]*");

    private Links() {
    }

    /** An absolute http(s) URL with a host name (the regular expression, by hand: it runs on every link). */
    static boolean isAbsoluteHttp(String url) {
        int i = url.regionMatches(true, 0, "https://", 0, 8) ? 8 : url.regionMatches(true, 0, "http://", 0, 7) ? 7 : -1;
        if (i < 0) {
            return false;
        }
        int labelStart = i;
        for (; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '.') {
                if (i == labelStart || url.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (c == '-') {
                if (i == labelStart) {
                    return false;
                }
            } else if (!Character.isLetterOrDigit(c)) {
                break;
            }
        }
        if (i == labelStart || url.charAt(i - 1) == '-') {
            return false;
        }
        if (i < url.length() && url.charAt(i) == ':') {
            int portStart = ++i;
            while (i < url.length() && Character.isDigit(url.charAt(i))) {
                i++;
            }
            if (i == portStart || i - portStart > 5) {
                return false;
            }
        }
        if (i < url.length() && "/?#".indexOf(url.charAt(i)) < 0) {
            return false;
        }
        for (; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || c == '<' || c == '>' || c == '"') {
                return false;
            }
        }
        return true;
    }

    /** An address an {@code <a href>} may have. */
    static boolean isLinkAllowed(String url) {
        return isAbsoluteHttp(url) || MAILTO.matcher(url).matches();
    }

    /** An address an {@code <img src>} may have: https only (mixed content is blocked by mail clients). */
    static boolean isImageAllowed(String url) {
        return url.regionMatches(true, 0, "https://", 0, 8) && isAbsoluteHttp(url);
    }

    /** The http(s) links of a plain text, in order. */
    static List<String> inText(String text) {
        List<String> links = new ArrayList<>();
        Matcher m = URL_IN_TEXT.matcher(text);
        while (m.find()) {
            if (isAbsoluteHttp(m.group())) {
                links.add(m.group());
            }
        }
        return links;
    }

    private static int nextMarker(String html, int from) {
        int href = html.indexOf(Markers.HREF_OPEN, from);
        int src = html.indexOf(Markers.SRC_OPEN, from);
        return href < 0 ? src : src < 0 ? href : Math.min(href, src);
    }

    /**
     * Removes the address markers of rendered HTML, adding each http(s) link to {@code links} and
     * reporting each address that is not allowed to {@code refused} (which is then replaced by "#"
     * for a link and removed for an image).
     */
    static String extract(String html, List<String> links, Consumer<String> refused) {
        if (html.indexOf(Markers.HREF_OPEN) < 0 && html.indexOf(Markers.SRC_OPEN) < 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            int next = nextMarker(html, i);
            if (next < 0) {
                out.append(html, i, html.length());
                break;
            }
            out.append(html, i, next);
            i = next;
            boolean href = html.charAt(i) == Markers.HREF_OPEN;
            int close = html.indexOf(href ? Markers.HREF_CLOSE : Markers.SRC_CLOSE, i + 1);
            if (close < 0) {
                i++;
                continue;
            }
            String escaped = html.substring(i + 1, close).strip();
            String address = Html.unescape(escaped);
            if (href ? isLinkAllowed(address) : isImageAllowed(address)) {
                out.append(escaped);
                if (href && isAbsoluteHttp(address)) {
                    links.add(address);
                }
            } else {
                refused.accept(address);
                out.append(href ? "#" : "");
            }
            i = close + 1;
        }
        return out.toString();
    }
}
