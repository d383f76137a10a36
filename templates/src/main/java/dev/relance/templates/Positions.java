package dev.relance.templates;

/** Line and column of an offset, as authors count them (1-based). */
final class Positions {

    private Positions() {
    }

    static int[] of(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }
}
