package dev.relance.engine.inbox.classify;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML mail reduced to text: quoted blocks and invisible parts dropped, block tags as line breaks, entities decoded. */
final class HtmlText {

    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(head|style|script|title)\\b.*?</\\1\\s*>");
    private static final Pattern QUOTED = Pattern.compile("(?is)<blockquote\\b.*</blockquote\\s*>"
            + "|<div[^>]*(?:gmail_quote|divRplyFwdMsg|OutlookMessageHeader|moz-cite-prefix)[^>]*>.*");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</(?:p|div|tr|li|h\\d|table)\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("ecirc", "ê"), Map.entry("agrave", "à"),
            Map.entry("acirc", "â"), Map.entry("ccedil", "ç"), Map.entry("ocirc", "ô"), Map.entry("ucirc", "û"),
            Map.entry("ugrave", "ù"), Map.entry("icirc", "î"), Map.entry("iuml", "ï"), Map.entry("euml", "ë"),
            Map.entry("rsquo", "\u2019"), Map.entry("lsquo", "\u2018"), Map.entry("ldquo", "\u201C"),
            Map.entry("rdquo", "\u201D"), Map.entry("hellip", "…"), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
            Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("euro", "€"));

    private HtmlText() {
    }

    static String toText(String html) {
        if (html == null) {
            return "";
        }
        String text = INVISIBLE.matcher(html).replaceAll("");
        text = QUOTED.matcher(text).replaceAll("");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n *", "\n").replaceAll("\\n{3,}", "\n\n").trim();
    }

    private static String decodeEntities(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String entity = matcher.group(1);
            String replacement;
            try {
                if (entity.startsWith("#x") || entity.startsWith("#X")) {
                    replacement = Character.toString(Integer.parseInt(entity.substring(2), 16));
                } else if (entity.startsWith("#")) {
                    replacement = Character.toString(Integer.parseInt(entity.substring(1)));
                } else {
                    replacement = NAMED.getOrDefault(entity, matcher.group());
                }
            } catch (IllegalArgumentException e) {
                replacement = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
