package dev.relance.templates;

/** HTML escaping of values: enough for text and for quoted attribute values. */
final class Html {

    private Html() {
    }

    static String escape(String s) {
        int i = 0;
        while (i < s.length() && !special(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '{' -> out.append("&#123;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean special(char c) {
        return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '{';
    }

    /** The entities {@link #escape} and the compiler write, decoded (for link addresses). */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#123;", "{").replace("&amp;", "&");
    }

    /** {@code text} escaped, its line breaks as {@code <br>} and its http(s) addresses as links. */
    static String fromText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        int http;
        while ((http = text.indexOf("http", at)) >= 0) {
            int end = http;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            while (end > http && ".,;:!?)]'}".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            String url = text.substring(http, end);
            if ((http > 0 && !Character.isWhitespace(text.charAt(http - 1))) || !Links.isAbsoluteHttp(url)) {
                lines(escape(text.substring(at, http + 4)), out);
                at = http + 4;
                continue;
            }
            lines(escape(text.substring(at, http)), out);
            String escaped = escape(url);
            out.append("<a href=\"").append(escaped).append("\">").append(escaped).append("</a>");
            at = end;
        }
        lines(escape(text.substring(at)), out);
        return out.toString();
    }

    private static void lines(String escaped, StringBuilder out) {
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\n') {
                out.append("<br>\n");
            } else if (c != '\r') {
                out.append(c);
            }
        }
    }
}
