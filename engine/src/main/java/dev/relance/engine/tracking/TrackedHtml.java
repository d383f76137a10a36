package dev.relance.engine.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The links of an HTML body, and the same body with its links rewritten for click tracking and an
 * open pixel added. Pure functions of the recorded HTML: the rewriting at send time and the
 * redirect at click time read the links with the same scanner, so a link's position in the
 * recorded HTML names it.
 */
final class TrackedHtml {

    private TrackedHtml() {
    }

    /**
     * One {@code href} of an {@code <a>} or {@code <area>} tag (the first, when a tag repeats it).
     *
     * @param index its position among all such hrefs of the body, from 0
     * @param start where its raw value starts in the HTML
     * @param end where its raw value ends
     * @param url its value with character references decoded; null when it has one this scanner
     *     does not decode (such a link is never tracked)
     */
    record Href(int index, int start, int end, String url) {
    }

    /** Every href of the body, in document order. */
    static List<Href> hrefs(String html) {
        List<Href> hrefs = new ArrayList<>();
        if (html == null) {
            return hrefs;
        }
        int i = 0;
        while ((i = html.indexOf('<', i)) >= 0) {
            if (html.startsWith("<!--", i)) {
                int close = html.indexOf("-->", i + 4);
                i = close < 0 ? html.length() : close + 3;
                continue;
            }
            int nameEnd = i + 1;
            while (nameEnd < html.length() && Character.isLetterOrDigit(html.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == i + 1 && (nameEnd >= html.length() || "/!?".indexOf(html.charAt(nameEnd)) < 0)) {
                i++; // a "<" in text, not a tag
                continue;
            }
            String name = html.substring(i + 1, nameEnd).toLowerCase(Locale.ROOT);
            i = attributes(html, nameEnd, name.equals("a") || name.equals("area") ? hrefs : null);
        }
        return hrefs;
    }

    /** Reads a tag's attributes up to its end, adding its href to {@code hrefs} when given; returns where the tag ends. */
    private static int attributes(String html, int from, List<Href> hrefs) {
        boolean seen = false;
        int i = from;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (Character.isWhitespace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < html.length() && "\t\n\f\r /=>".indexOf(html.charAt(i)) < 0) {
                i++;
            }
            String attribute = html.substring(nameStart, i);
            while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            if (i >= html.length() || html.charAt(i) != '=') {
                continue;
            }
            i++;
            while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            int start;
            int end;
            if (i < html.length() && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                start = i + 1;
                end = html.indexOf(html.charAt(i), start);
                end = end < 0 ? html.length() : end;
                i = Math.min(end + 1, html.length());
            } else {
                start = i;
                while (i < html.length() && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>') {
                    i++;
                }
                end = i;
            }
            if (hrefs != null && !seen && attribute.equalsIgnoreCase("href")) {
                seen = true;
                hrefs.add(new Href(hrefs.size(), start, end, decode(html.substring(start, end))));
            }
        }
        return i;
    }

    /**
     * The body with each trackable link replaced by its click URL and the pixel added before
     * {@code </body>} (or at the end).
     *
     * @param trackable which decoded link URLs to rewrite
     * @param clickUrl the click URL of the link at a position, or null to leave links alone
     * @param pixelUrl the open pixel's URL, or null for no pixel
     */
    static String rewrite(String html, Predicate<String> trackable, IntFunction<String> clickUrl, String pixelUrl) {
        if (html == null || (clickUrl == null && pixelUrl == null)) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 512);
        int at = 0;
        if (clickUrl != null) {
            for (Href href : hrefs(html)) {
                if (href.url() != null && trackable.test(href.url())) {
                    out.append(html, at, href.start()).append(clickUrl.apply(href.index()));
                    at = href.end();
                }
            }
        }
        out.append(html, at, html.length());
        if (pixelUrl != null) {
            String pixel = "<img src=\"" + pixelUrl + "\" width=\"1\" height=\"1\" alt=\"\" "
                    + "style=\"display:block;width:1px;height:1px;border:0\">";
            int body = lastBodyEnd(out.toString());
            if (body >= 0) {
                out.insert(body, pixel);
            } else {
                out.append(pixel);
            }
        }
        return out.toString();
    }

    /** Where the last {@code </body} starts, in any letter case; -1 when there is none. */
    private static int lastBodyEnd(String html) {
        String end = "</body";
        for (int i = html.length() - end.length(); i >= 0; i--) {
            if (html.charAt(i) == '<' && html.regionMatches(true, i, end, 0, end.length())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where a click may be redirected: an absolute http or https URL with a host and no user
     * information, in printable ASCII. Anything else ({@code //host}, {@code https://user@host},
     * {@code javascript:}, relative paths, backslashes) is not a target, and is never rewritten.
     */
    static boolean isRedirectTarget(String url) {
        if (url == null || url.isEmpty() || url.length() > 8192) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return false;
            }
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getRawAuthority() != null && uri.getHost() != null && !uri.getHost().isEmpty()
                    && uri.getRawUserInfo() == null && !uri.getRawAuthority().contains("@");
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }

    /** The value with the character references HTML writers use decoded; null when it has another. */
    static String decode(String raw) {
        if (raw.indexOf('&') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            int semicolon = c == '&' ? raw.indexOf(';', i) : -1;
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            if (semicolon < 0) {
                return null;
            }
            String entity = raw.substring(i + 1, semicolon);
            int code = switch (entity) {
                case "amp" -> '&';
                case "lt" -> '<';
                case "gt" -> '>';
                case "quot" -> '"';
                case "apos" -> '\'';
                default -> numeric(entity);
            };
            if (code < 0) {
                return null;
            }
            out.appendCodePoint(code);
            i = semicolon + 1;
        }
        return out.toString();
    }

    private static int numeric(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return checked(Integer.parseInt(entity.substring(2), 16));
            }
            if (entity.startsWith("#")) {
                return checked(Integer.parseInt(entity.substring(1)));
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static int checked(int code) {
        return code > 0 && Character.isValidCodePoint(code) ? code : -1;
    }
}
