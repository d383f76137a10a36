package dev.relance.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Liquid regions of a source, so that the text around them (spintax, HTML) can be
 * processed without touching Liquid: outputs {@code {{ }}}, tags {@code {% %}} (quotes respected),
 * and {@code raw} / {@code comment} blocks taken whole, since nothing inside them is Liquid.
 */
final class LiquidScanner {

    enum Kind { OUTPUT, TAG, RAW, COMMENT }

    record Region(int start, int end, Kind kind) {

        String text(String source) {
            return source.substring(start, end);
        }
    }

    private static final Pattern TAG_NAME = Pattern.compile("\\{%-?\\s*([a-z_]+)");

    private LiquidScanner() {
    }

    static List<Region> scan(String s) {
        List<Region> regions = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n - 1) {
            char next = s.charAt(i + 1);
            if (s.charAt(i) != '{' || (next != '{' && next != '%')) {
                i++;
                continue;
            }
            int end = closeOf(s, i, next == '{' ? "}}" : "%}");
            if (next == '{') {
                regions.add(new Region(i, end, Kind.OUTPUT));
            } else {
                String name = tagName(s, i);
                if (name.equals("raw") || name.equals("comment")) {
                    Matcher close = Pattern.compile("\\{%-?\\s*end" + name + "\\s*-?%}").matcher(s);
                    end = close.find(end) ? close.end() : n;
                    regions.add(new Region(i, end, name.equals("raw") ? Kind.RAW : Kind.COMMENT));
                } else {
                    regions.add(new Region(i, end, Kind.TAG));
                }
            }
            i = end;
        }
        return regions;
    }

    /** The name of the tag that starts at {@code start} ({@code if}, {@code snippet}...), or "". */
    static String tagName(String s, int start) {
        Matcher m = TAG_NAME.matcher(s);
        m.region(start, Math.min(s.length(), start + 64));
        return m.lookingAt() ? m.group(1) : "";
    }

    /** The index just after {@code close}, skipping quoted strings; the end of {@code s} when unclosed. */
    private static int closeOf(String s, int start, String close) {
        char quote = 0;
        for (int j = start + 2; j < s.length(); j++) {
            char c = s.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (s.startsWith(close, j)) {
                return j + 2;
            }
        }
        return s.length();
    }

    /**
     * {@code s} with every region replaced by what {@code replacement} answers, the text between
     * regions by what {@code text} answers.
     */
    static String map(String s, List<Region> regions, java.util.function.Function<String, String> text,
            java.util.function.BiFunction<Integer, Region, String> replacement) {
        StringBuilder out = new StringBuilder(s.length() + 64);
        int at = 0;
        for (int k = 0; k < regions.size(); k++) {
            Region r = regions.get(k);
            out.append(text.apply(s.substring(at, r.start())));
            out.append(replacement.apply(k, r));
            at = r.end();
        }
        out.append(text.apply(s.substring(at)));
        return out.toString();
    }
}
