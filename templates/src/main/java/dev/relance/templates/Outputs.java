package dev.relance.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites Liquid output tags at compile time so that rendering is strict and safe without
 * inspecting the result: each output that prints a variable without a {@code default} gets
 * {@code | __req: N} (N indexes the variable's name; a blank value is recorded as missing), and
 * each output gets the escaping of where it lands ({@code __html} in HTML text and attributes,
 * {@code __css} in a style attribute; {@code __rich} / {@code __plain} for HTML-valued variables).
 */
final class Outputs {

    enum Context {
        /** A subject or a text body: values as they are. */
        TEXT,
        /** HTML text: values escaped, HTML-valued variables sanitised. */
        HTML,
        /** An HTML attribute value: values escaped. */
        ATTRIBUTE,
        /** A style attribute: values reduced to harmless characters. */
        CSS,
        /** The footer: values as they are, nothing required. */
        FOOTER
    }

    private static final Pattern LITERAL = Pattern.compile("(?s)[\"'].*|-?\\d.*|true|false|nil|null|empty|blank");
    private static final Pattern FIRST_WORD = Pattern.compile("\\s*([A-Za-z_][\\w-]*).*", Pattern.DOTALL);

    private Outputs() {
    }

    /** Rewrites every output tag of {@code liquid}. */
    static String rewriteAll(String liquid, Context context, List<String> requiredNames) {
        List<LiquidScanner.Region> regions = LiquidScanner.scan(liquid);
        return LiquidScanner.map(liquid, regions, t -> t, (k, r) -> r.kind() == LiquidScanner.Kind.OUTPUT
                ? rewrite(r.text(liquid), context, requiredNames)
                : r.text(liquid));
    }

    /** Rewrites one output tag ({@code {{ ... }}}, with or without whitespace control). */
    static String rewrite(String output, Context context, List<String> requiredNames) {
        if (output.length() < 4 || !output.endsWith("}}")) {
            return output;
        }
        int from = output.startsWith("{{-") ? 3 : 2;
        int to = output.length() - (output.endsWith("-}}") && output.length() - 3 >= from ? 3 : 2);
        String inside = output.substring(from, to);
        List<String> segments = splitPipes(inside);
        String expression = segments.get(0).strip();
        boolean hasDefault = false;
        for (int i = 1; i < segments.size(); i++) {
            var word = FIRST_WORD.matcher(segments.get(i));
            hasDefault |= word.matches() && word.group(1).equals("default");
        }
        StringBuilder added = new StringBuilder();
        if (context != Context.FOOTER && !hasDefault && !expression.isEmpty() && !LITERAL.matcher(expression).matches()) {
            added.append(" | __req: ").append(requiredNames.size());
            requiredNames.add(expression.replaceAll("\\s+", ""));
        }
        boolean rich = TemplateVariables.HTML_VALUED.contains(expression.replaceAll("\\s+", ""));
        switch (context) {
            case HTML -> added.append(rich ? " | __rich" : " | __html");
            case ATTRIBUTE -> added.append(" | __html");
            case CSS -> added.append(" | __css");
            case TEXT, FOOTER -> added.append(rich ? " | __plain" : "");
        }
        if (added.isEmpty()) {
            return output;
        }
        return output.substring(0, to).stripTrailing() + added + " " + output.substring(to);
    }

    /** {@code inside} split on the pipes that are not inside quotes. */
    static List<String> splitPipes(String inside) {
        List<String> segments = new ArrayList<>(4);
        char quote = 0;
        int from = 0;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '|') {
                segments.add(inside.substring(from, i));
                from = i + 1;
            }
        }
        segments.add(inside.substring(from));
        return segments;
    }
}
