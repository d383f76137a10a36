package dev.relance.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns spintax ({@code {Hi|Hello|Hey}}, nestable, alternatives may hold Liquid) into Liquid:
 * each group becomes {@code {% case __spinN %}{% when 0 %}...{% endcase %}}, where the renderer
 * sets {@code __spinN} from the recipient's seed and N (see {@link #choice}). A brace starts a group
 * only when it is not Liquid ({@code {{}, {@code {%}) and the group has a {@code |} at its own level:
 * CSS and other braces stay as written.
 */
final class Spintax {

    static final String VARIABLE = "__spin";

    private Spintax() {
    }

    /**
     * @param arities the arity of each group found so far in this email: new groups are numbered
     *     from its size on and appended to it
     */
    static String toLiquid(String source, List<Integer> arities) {
        if (source.indexOf('|') < 0 || source.indexOf('{') < 0) {
            return source;
        }
        List<LiquidScanner.Region> regions = LiquidScanner.scan(source);
        List<String> liquid = new ArrayList<>(regions.size());
        String plain = LiquidScanner.map(source, regions, t -> t, (k, r) -> {
            liquid.add(r.text(source));
            return Markers.region(k);
        });
        String converted = convert(plain, arities);
        return Markers.restoreRegions(converted, liquid::get);
    }

    private static String convert(String s, List<Integer> arities) {
        StringBuilder out = new StringBuilder(s.length() + 64);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int close = c == '{' ? matchingClose(s, i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            List<String> alternatives = split(s.substring(i + 1, close));
            if (alternatives.size() < 2) {
                out.append('{').append(convert(alternatives.get(0), arities)).append('}');
            } else {
                int group = arities.size();
                arities.add(alternatives.size());
                out.append("{% case ").append(VARIABLE).append(group).append(" %}");
                for (int k = 0; k < alternatives.size(); k++) {
                    out.append("{% when ").append(k).append(" %}").append(convert(alternatives.get(k), arities));
                }
                out.append("{% endcase %}");
            }
            i = close + 1;
        }
        return out.toString();
    }

    private static int matchingClose(String s, int open) {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    /** The alternatives of a group's inside: split on {@code |} at depth 0. */
    private static List<String> split(String inside) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int j = 0; j < inside.length(); j++) {
            char c = inside.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(inside.substring(from, j));
                from = j + 1;
            }
        }
        parts.add(inside.substring(from));
        return parts;
    }

    /**
     * The alternative group {@code group} (of {@code arity}) shows for {@code seed}: a SplitMix64
     * mix of the seed and the group number, so that a seed always picks the same words and
     * neighbouring seeds and groups vary independently.
     */
    static long choice(long seed, int group, int arity) {
        long z = seed + (group + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return Math.floorMod(z, arity);
    }
}
