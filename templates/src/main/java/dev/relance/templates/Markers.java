package dev.relance.templates;

/**
 * Private-use characters that stand for things between compilation steps: a Liquid region while
 * spintax or HTML is processed, the bounds of a link or image address in compiled HTML. They are
 * removed from sources and from values, so that no author or prospect can forge one.
 */
final class Markers {

    static final char REGION_OPEN = '\uE000';
    static final char REGION_CLOSE = '\uE001';
    static final char HREF_OPEN = '\uE010';
    static final char HREF_CLOSE = '\uE011';
    static final char SRC_OPEN = '\uE012';
    static final char SRC_CLOSE = '\uE013';

    private static final char FIRST = '\uE000';
    private static final char LAST = '\uE01F';

    private Markers() {
    }

    static String region(int index) {
        return REGION_OPEN + Integer.toString(index) + REGION_CLOSE;
    }

    static boolean isMarker(char c) {
        return c >= FIRST && c <= LAST;
    }

    /** {@code s} without any marker character (returns {@code s} itself when it has none). */
    static String strip(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isMarker(s.charAt(i))) {
                StringBuilder out = new StringBuilder(s.length());
                for (int j = 0; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (!isMarker(c)) {
                        out.append(c);
                    }
                }
                return out.toString();
            }
        }
        return s;
    }

    /** Replaces each region marker in {@code s} by what {@code restore} answers for its index. */
    static String restoreRegions(String s, java.util.function.IntFunction<String> restore) {
        StringBuilder out = new StringBuilder(s.length() + 256);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int close = c == REGION_OPEN ? s.indexOf(REGION_CLOSE, i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
            } else {
                out.append(restore.apply(Integer.parseInt(s, i + 1, close, 10)));
                i = close + 1;
            }
        }
        return out.toString();
    }
}
